from celery import shared_task
from django.core.mail import send_mail

from .models import Subscriber


@shared_task
def remind_unconfirmed():
    pending = Subscriber.objects.filter(confirmed=False).values_list("email", flat=True)
    # expect: read newsletter_subscriber.confirmed @cron @worker, read newsletter_subscriber.email @cron @worker, related rename-column-still-referenced
    for address in pending:
        send_mail("Please confirm", "One click and you are in.", None, [address])


@shared_task
def confirm(subscriber_id):
    # expect: read newsletter_subscriber.id @worker, write newsletter_subscriber.confirmed @worker
    Subscriber.objects.filter(pk=subscriber_id).update(confirmed=True)
