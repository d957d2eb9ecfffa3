-- migrate:up
-- expect: ddl accounts.created_at @migration, ddl accounts.email @migration, ddl accounts.id @migration, ddl accounts.plan @migration
CREATE TABLE accounts (
  id bigserial PRIMARY KEY,
  email text NOT NULL,
  plan text,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- migrate:down
DROP TABLE accounts;
