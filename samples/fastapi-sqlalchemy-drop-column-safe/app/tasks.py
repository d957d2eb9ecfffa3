from celery import Celery
from sqlalchemy import select

from .db import SessionLocal
from .models import Customer

celery = Celery("shop", broker="redis://localhost:6379/0")


@celery.task
def sync_contact(customer_id):
    """Phone numbers live in the contacts service now; it is told which customer changed."""
    with SessionLocal() as session:
        # expect: read customers.email @worker, read customers.id @worker
        email = session.scalar(select(Customer.email).where(Customer.id == customer_id))
    print("contacts service: refresh", customer_id, email)
