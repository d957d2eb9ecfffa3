from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("newsletter", "0001_initial")]

    operations = [
        # Expand: the new column arrives next to the old one; nothing reads or writes it yet.
        # expect: none
        migrations.AddField(
            model_name="subscriber",
            name="email_address",
            field=models.EmailField(max_length=254, null=True),
        ),
    ]
