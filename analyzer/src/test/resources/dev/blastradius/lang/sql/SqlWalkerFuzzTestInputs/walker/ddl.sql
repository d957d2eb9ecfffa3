ALTER TABLE users ADD COLUMN first_name text, DROP COLUMN name;
CREATE INDEX CONCURRENTLY users_email ON users (lower(email));
ALTER TABLE orders RENAME COLUMN total TO amount;
TRUNCATE orders;
COPY users (id, email) FROM STDIN;
