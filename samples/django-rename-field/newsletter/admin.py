from django.contrib import admin

from .models import Subscriber


@admin.register(Subscriber)
# expect: read newsletter_subscriber.id @admin, read newsletter_subscriber.email @admin, read newsletter_subscriber.name @admin, read newsletter_subscriber.confirmed @admin, read newsletter_subscriber.created @admin, related rename-column-still-referenced
class SubscriberAdmin(admin.ModelAdmin):
    # expect: read newsletter_subscriber.email @admin, read newsletter_subscriber.name @admin, read newsletter_subscriber.confirmed @admin, related rename-column-still-referenced
    list_display = ("email", "name", "confirmed")
    # expect: read newsletter_subscriber.email @admin, related rename-column-still-referenced
    search_fields = ["email"]
    # expect: read newsletter_subscriber.created @admin
    readonly_fields = ["created"]
    # expect: read newsletter_subscriber.email @admin, read newsletter_subscriber.name @admin, read newsletter_subscriber.confirmed @admin, write newsletter_subscriber.email @admin, write newsletter_subscriber.name @admin, write newsletter_subscriber.confirmed @admin, related rename-column-still-referenced, related rename-column-still-referenced
    fields = ["email", "name", "confirmed", "created"]
