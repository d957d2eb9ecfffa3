"""Billing pages of the account service."""
from flask import Flask, jsonify

from app.db import connect

app = Flask(__name__)


@app.get("/accounts/<int:account_id>/plan")
def show_plan(account_id):
    with connect() as conn, conn.cursor() as cur:
        # expect: read accounts.email @http, read accounts.id @http, read accounts.plan_code @http
        cur.execute("SELECT email, plan_code FROM accounts WHERE id = %s", (account_id,))
        email, plan_code = cur.fetchone()
    return jsonify(email=email, plan=plan_code)


@app.put("/accounts/<int:account_id>/plan")
def change_plan(account_id, plan_code):
    with connect() as conn, conn.cursor() as cur:
        # expect: read accounts.id @http, write accounts.plan_code @http
        cur.execute("UPDATE accounts SET plan_code = %s WHERE id = %s", (plan_code, account_id))
    return "", 204
