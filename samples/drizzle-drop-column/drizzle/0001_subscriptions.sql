-- Expand: plans move to their own table, with renewal dates.
-- expect: ddl subscriptions.id @migration, ddl subscriptions.user_id @migration, ddl subscriptions.plan @migration, ddl subscriptions.renews_at @migration
CREATE TABLE subscriptions (
    id        serial PRIMARY KEY,
    user_id   integer NOT NULL REFERENCES users (id),
    plan      text NOT NULL,
    renews_at timestamptz
);
-- expect: write subscriptions.user_id @migration, write subscriptions.plan @migration, read users.id @migration, read users.plan @migration
INSERT INTO subscriptions (user_id, plan) SELECT id, plan FROM users;
