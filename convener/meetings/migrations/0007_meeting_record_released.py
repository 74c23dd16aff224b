from django.db import migrations, models
from django.db.models import F


def release_records_of_held_meetings(apps, schema_editor):
    """The records of meetings held or reported before records were reviewed
    were public already: they count as released, as on import."""
    Meeting = apps.get_model("meetings", "Meeting")
    Meeting.objects.filter(status__in=("held", "reported")).update(
        record_released_at=F("updated_at")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0006_meeting_presiding_role"),
    ]

    operations = [
        migrations.AddField(
            model_name="meeting",
            name="record_released_at",
            field=models.DateTimeField(
                blank=True,
                help_text=(
                    "When the rapporteur or the secretariat released the record: until then "
                    "the statements and summaries stay in the workspace."
                ),
                null=True,
                verbose_name="record released",
            ),
        ),
        migrations.RunPython(release_records_of_held_meetings, migrations.RunPython.noop),
    ]
