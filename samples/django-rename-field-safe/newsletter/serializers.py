from rest_framework import serializers

from .models import Subscriber


class SubscriberSerializer(serializers.ModelSerializer):
    class Meta:
        model = Subscriber
        # expect: read newsletter_subscriber.id @http, read newsletter_subscriber.email @http, read newsletter_subscriber.name @http, read newsletter_subscriber.confirmed @http, write newsletter_subscriber.email @http, write newsletter_subscriber.name @http
        fields = ["id", "email", "name", "confirmed"]
        read_only_fields = ["confirmed"]
