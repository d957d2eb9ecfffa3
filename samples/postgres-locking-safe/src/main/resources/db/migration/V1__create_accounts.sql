-- expect: ddl accounts.id @migration, ddl accounts.email @migration, ddl accounts.created_at @migration
CREATE TABLE accounts (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email       text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
