from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("newsletter", "0001_initial")]

    operations = [
        # Fail fast instead of queueing every query on the table behind the rename's lock.
        migrations.RunSQL("SET lock_timeout = '5s'", reverse_sql=migrations.RunSQL.noop),
        # Expand: the new column arrives next to the old one; nothing reads or writes it yet.
        # Django's EmailField is varchar(254); the postgres-locking pack notes that text would be cheaper to change.
        # expect: finding prefer-text-over-varchar ~ "newsletter_subscriber.email_address is varchar(254)"
        migrations.AddField(
            model_name="subscriber",
            name="email_address",
            field=models.EmailField(max_length=254, null=True),
        ),
    ]
