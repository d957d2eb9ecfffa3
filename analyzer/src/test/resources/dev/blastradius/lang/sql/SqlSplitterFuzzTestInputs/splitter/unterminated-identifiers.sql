SELECT "open;
SELECT `tick;
SELECT 3;
