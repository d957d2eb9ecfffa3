from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        # expect: ddl newsletter_subscriber.id @migration, ddl newsletter_subscriber.email @migration, ddl newsletter_subscriber.name @migration, ddl newsletter_subscriber.confirmed @migration, ddl newsletter_subscriber.created @migration
        migrations.CreateModel(
            name="Subscriber",
            fields=[
                ("id", models.BigAutoField(primary_key=True, serialize=False)),
                ("email", models.EmailField(max_length=254, unique=True)),
                ("name", models.CharField(max_length=100)),
                ("confirmed", models.BooleanField(default=False)),
                ("created", models.DateTimeField(auto_now_add=True)),
            ],
        ),
    ]
