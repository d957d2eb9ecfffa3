from django.db import models


class Subscriber(models.Model):
    email = models.EmailField(unique=True)
    name = models.CharField(max_length=100)
    confirmed = models.BooleanField(default=False)
    created = models.DateTimeField(auto_now_add=True)
