SELECT '😀' AS emoji; SELECT 'café';
SELECT 1;
SELECT $1, ?, :p;;;
