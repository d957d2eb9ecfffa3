"""Nightly import of marketplace orders, run by cron: `python -m jobs.import_marketplace`."""
import csv
import sys

from app.db import connect


def import_orders(path):
    with connect() as conn, conn.cursor() as cur, open(path) as rows:
        for row in csv.DictReader(rows):
            # The marketplace reports its currency per order since its v2 export.
            # expect: write orders.customer_email @script, write orders.amount @script, write orders.currency @script
            cur.execute(
                "INSERT INTO orders (customer_email, amount, currency) VALUES (%s, %s, %s)",
                (row["email"], row["amount"], row["currency"]),
            )


if __name__ == "__main__":
    import_orders(sys.argv[1])
