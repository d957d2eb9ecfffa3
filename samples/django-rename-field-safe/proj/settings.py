from celery.schedules import crontab

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "rest_framework",
    "newsletter",
]

ROOT_URLCONF = "proj.urls"

CELERY_BEAT_SCHEDULE = {
    "remind-unconfirmed": {
        "task": "newsletter.tasks.remind_unconfirmed",
        "schedule": crontab(hour=9, minute=0),
    },
}
