WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 10)
SELECT ((((((((((1)))))))))) FROM r, settings;
SELECT CASE WHEN email IS NULL THEN name ELSE email END FROM users;
