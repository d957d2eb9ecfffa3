from rest_framework import viewsets

from .models import Subscriber
from .serializers import SubscriberSerializer


class SubscriberViewSet(viewsets.ModelViewSet):
    # expect: read newsletter_subscriber.id @http, read newsletter_subscriber.email @http, read newsletter_subscriber.name @http, read newsletter_subscriber.confirmed @http, read newsletter_subscriber.created @http, related rename-column-still-referenced
    queryset = Subscriber.objects.order_by("created")
    serializer_class = SubscriberSerializer
