from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("publishing", "0002_document_versions"),
    ]

    operations = [
        migrations.AddField(
            model_name="documentbuild",
            name="builder",
            field=models.CharField(blank=True, max_length=300, verbose_name="built by"),
        ),
        migrations.AddField(
            model_name="documentbuild",
            name="attempts",
            field=models.PositiveSmallIntegerField(default=0, verbose_name="attempts"),
        ),
    ]
