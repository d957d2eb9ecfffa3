SELECT E'it\'s; fine', 'plain\'; SELECT 2;
SELECT U&'d\0061t;a', B'101', X'1F';
