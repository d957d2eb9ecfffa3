-- Expand: every change of a balance becomes a ledger entry; the balance is their sum.
-- expect: ddl loyalty_ledger.id @migration, ddl loyalty_ledger.customer_id @migration, ddl loyalty_ledger.points @migration, ddl loyalty_ledger.reason @migration, ddl loyalty_ledger.created_at @migration
CREATE TABLE loyalty_ledger (
    id           bigserial PRIMARY KEY,
    customer_id  bigint NOT NULL REFERENCES customers (id),
    points       integer NOT NULL,
    reason       text NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);
