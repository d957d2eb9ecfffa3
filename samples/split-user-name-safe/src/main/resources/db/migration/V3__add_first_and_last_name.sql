-- Expand: the replacement columns, nullable so that old code can keep inserting without them.
-- expect: ddl users.first_name @migration, ddl users.last_name @migration
ALTER TABLE users
    ADD COLUMN first_name text,
    ADD COLUMN last_name text;
