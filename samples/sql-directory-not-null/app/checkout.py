"""The web checkout, moved to multi-currency in the expand release."""
from flask import Flask, request

from app.db import connect

app = Flask(__name__)


@app.post("/orders")
def create_order():
    body = request.get_json()
    with connect() as conn, conn.cursor() as cur:
        # expect: write orders.customer_email @http, write orders.amount @http, write orders.currency @http, read orders.id @http
        cur.execute(
            "INSERT INTO orders (customer_email, amount, currency) VALUES (%s, %s, %s) RETURNING id",
            (body["email"], body["amount"], body["currency"]),
        )
        return {"id": cur.fetchone()[0]}, 201
