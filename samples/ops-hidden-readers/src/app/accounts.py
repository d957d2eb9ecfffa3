"""The account API: reads and writes plan, never legacy_tier."""
from flask import Flask, jsonify

from app.db import connect

app = Flask(__name__)


@app.get("/accounts/<int:user_id>")
def account(user_id):
    with connect() as conn, conn.cursor() as cur:
        # expect: read users.email @http, read users.id @http, read users.plan @http
        cur.execute("SELECT email, plan FROM users WHERE id = %s", (user_id,))
        email, plan = cur.fetchone()
    return jsonify(email=email, plan=plan)
