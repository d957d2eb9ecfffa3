-- The first schema: the plan a user pays for sits on the users row.
-- expect: ddl users.id @migration, ddl users.email @migration, ddl users.display_name @migration, ddl users.plan @migration, ddl users.created_at @migration
CREATE TABLE users (
    id           serial PRIMARY KEY,
    email        text NOT NULL UNIQUE,
    display_name text,
    plan         text NOT NULL DEFAULT 'free',
    created_at   timestamptz NOT NULL DEFAULT now()
);
