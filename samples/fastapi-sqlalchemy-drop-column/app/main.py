from typing import Optional

from fastapi import Depends, FastAPI, HTTPException
from pydantic import BaseModel
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from .db import get_session
from .models import Customer

app = FastAPI()


class NewCustomer(BaseModel):
    email: str
    name: str
    phone: Optional[str] = None


@app.get("/customers/{customer_id}")
def read_customer(customer_id: int, session: Session = Depends(get_session)):
    # expect: read customers.id @http, read customers.email @http, read customers.name @http, read customers.phone @http, read customers.sms_opt_in @http, related drop-column-still-read
    customer = session.get(Customer, customer_id)
    if customer is None:
        raise HTTPException(status_code=404)
    # expect: read customers.email @http, read customers.name @http, read customers.phone @http, related drop-column-still-read
    return {"email": customer.email, "name": customer.name, "phone": customer.phone}


@app.get("/customers")
def list_customers(session: Session = Depends(get_session)):
    # expect: read customers.id @http, read customers.email @http, read customers.name @http, read customers.phone @http, read customers.sms_opt_in @http, related drop-column-still-read
    rows = session.scalars(select(Customer).order_by(Customer.name)).all()
    return [{"id": row.id, "email": row.email} for row in rows]


@app.post("/customers", status_code=201)
def create_customer(body: NewCustomer, session: Session = Depends(get_session)):
    customer = Customer(email=body.email, name=body.name, phone=body.phone)
    # expect: write customers.email @http, write customers.name @http, write customers.phone @http, related drop-column-still-written
    session.add(customer)
    session.commit()
    # expect: read customers.id @http
    return {"id": customer.id}


@app.patch("/customers/{customer_id}/email")
def change_email(customer_id: int, email: str, session: Session = Depends(get_session)):
    # expect: read customers.id @http, write customers.email @http
    session.execute(update(Customer).where(Customer.id == customer_id).values(email=email))
    session.commit()
    return {"ok": True}
