# The audit log moved here from the access app; its table stays where it is.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("access", "0003_speaker_reminder"),
        ("meetings", "0010_meeting_ends_next_day"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="AuditEntry",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "at",
                            models.DateTimeField(
                                auto_now_add=True, db_index=True, verbose_name="when"
                            ),
                        ),
                        (
                            "user_name",
                            models.CharField(blank=True, max_length=150, verbose_name="who"),
                        ),
                        (
                            "via",
                            models.CharField(blank=True, max_length=20, verbose_name="through"),
                        ),
                        (
                            "action",
                            models.CharField(
                                choices=[
                                    ("created", "Created"),
                                    ("changed", "Changed"),
                                    ("deleted", "Deleted"),
                                    ("imported", "Imported"),
                                    ("status", "Changed status"),
                                    ("published", "Published a document"),
                                    ("invited", "Invited"),
                                    ("joined", "Accepted an invitation"),
                                    ("reminded", "Reminded a speaker to confirm"),
                                ],
                                max_length=20,
                                verbose_name="action",
                            ),
                        ),
                        (
                            "target_type",
                            models.CharField(
                                blank=True, max_length=100, verbose_name="kind of record"
                            ),
                        ),
                        ("target_id", models.CharField(blank=True, max_length=40)),
                        (
                            "target",
                            models.CharField(blank=True, max_length=300, verbose_name="record"),
                        ),
                        (
                            "changes",
                            models.JSONField(
                                blank=True,
                                default=dict,
                                help_text="Field name to [before, after].",
                                verbose_name="changes",
                            ),
                        ),
                        (
                            "meeting",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="audit_entries",
                                to="meetings.meeting",
                            ),
                        ),
                        (
                            "series",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="audit_entries",
                                to="meetings.series",
                            ),
                        ),
                        (
                            "user",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="audit_entries",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "db_table": "access_auditentry",
                        "verbose_name": "audit entry",
                        "verbose_name_plural": "audit log",
                        "ordering": ["-at", "-pk"],
                        "indexes": [models.Index(fields=["series", "-at"], name="audit_by_series")],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
