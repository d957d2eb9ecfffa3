import csv
import sys

from django.core.management.base import BaseCommand

from newsletter.models import Subscriber


class Command(BaseCommand):
    help = "Writes confirmed subscribers as CSV to stdout."

    def handle(self, *args, **options):
        out = csv.writer(sys.stdout)
        # expect: read newsletter_subscriber.confirmed @script, read newsletter_subscriber.name @script, read newsletter_subscriber.email @script, related rename-column-still-referenced
        for row in Subscriber.objects.filter(confirmed=True).values_list("name", "email"):
            out.writerow(row)
