-- expect: ddl orders.id @migration, ddl orders.user_id @migration, ddl orders.total_cents @migration, ddl orders.created_at @migration
CREATE TABLE orders (
    id           bigserial PRIMARY KEY,
    user_id      bigint NOT NULL REFERENCES users (id),
    total_cents  bigint NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);

-- expect: ddl orders.user_id @migration
CREATE INDEX orders_user_id_idx ON orders (user_id);
