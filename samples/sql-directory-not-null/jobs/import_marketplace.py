"""Nightly import of marketplace orders, run by cron: `python -m jobs.import_marketplace`."""
import csv
import sys

from app.db import connect


def import_orders(path):
    with connect() as conn, conn.cursor() as cur, open(path) as rows:
        for row in csv.DictReader(rows):
            # Written before multi-currency: no currency column.
            # expect: write orders.customer_email @script, write orders.amount @script, related not-null-vs-writers
            cur.execute(
                "INSERT INTO orders (customer_email, amount) VALUES (%s, %s)",
                (row["email"], row["amount"]),
            )


if __name__ == "__main__":
    import_orders(sys.argv[1])
