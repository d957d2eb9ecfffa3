from celery import Celery
from sqlalchemy import update

from .db import SessionLocal
from .models import Customer

celery = Celery("shop", broker="redis://localhost:6379/0")


@celery.task
def normalise_phone(customer_id, phone):
    digits = "".join(ch for ch in phone if ch.isdigit() or ch == "+")
    with SessionLocal() as session:
        # expect: read customers.id @worker, write customers.phone @worker, related drop-column-still-written
        session.execute(update(Customer).where(Customer.id == customer_id).values(phone=digits))
        session.commit()
