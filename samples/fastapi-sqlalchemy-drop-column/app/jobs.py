from apscheduler.schedulers.blocking import BlockingScheduler
from sqlalchemy import select

from .db import SessionLocal
from .models import Customer

scheduler = BlockingScheduler()


@scheduler.scheduled_job("cron", hour=9)
def sms_reminders():
    with SessionLocal() as session:
        # expect: read customers.phone @cron, read customers.sms_opt_in @cron, related drop-column-still-read
        numbers = session.scalars(
            select(Customer.phone).where(Customer.sms_opt_in.is_(True), Customer.phone.is_not(None))
        ).all()
    for number in numbers:
        print("sending weekly deals to", number)


if __name__ == "__main__":
    scheduler.start()
