-- The original users table: one free-text name column.
-- expect: ddl users.id @migration, ddl users.email @migration, ddl users.name @migration, ddl users.created_at @migration
CREATE TABLE users (
    id          bigserial PRIMARY KEY,
    email       text NOT NULL UNIQUE,
    name        text,
    created_at  timestamptz NOT NULL DEFAULT now()
);
