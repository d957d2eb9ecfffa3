from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("newsletter", "0001_initial")]

    operations = [
        # Fail fast instead of queueing every query on the table behind the rename's lock.
        migrations.RunSQL("SET lock_timeout = '5s'", reverse_sql=migrations.RunSQL.noop),
        # expect: finding rename-column-still-referenced ~ "Renaming newsletter_subscriber.email to email_address breaks"
        migrations.RenameField(model_name="subscriber", old_name="email", new_name="email_address"),
    ]
