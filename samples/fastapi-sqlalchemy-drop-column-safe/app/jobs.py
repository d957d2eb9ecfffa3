from apscheduler.schedulers.blocking import BlockingScheduler
from sqlalchemy import select

from .db import SessionLocal
from .models import Customer

scheduler = BlockingScheduler()


@scheduler.scheduled_job("cron", hour=9)
def sms_reminders():
    with SessionLocal() as session:
        # expect: read customers.id @cron, read customers.sms_opt_in @cron
        ids = session.scalars(select(Customer.id).where(Customer.sms_opt_in.is_(True))).all()
    for customer_id in ids:
        print("contacts service: send weekly deals to customer", customer_id)


if __name__ == "__main__":
    scheduler.start()
