"""The monthly invoice run; finance runs it by hand: `python -m app.invoices`."""
from app.db import connect


def invoice_lines():
    with connect() as conn, conn.cursor() as cur:
        # Still prices by the old free-text plan column.
        # expect: read accounts.created_at @script, read accounts.email @script, read accounts.id @script, read accounts.plan @script, related drop-column-still-read
        cur.execute("SELECT id, email, plan FROM accounts WHERE created_at < now()")
        return cur.fetchall()


if __name__ == "__main__":
    for line in invoice_lines():
        print(line)
