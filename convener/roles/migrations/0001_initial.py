# Roles moved here from the access app; their table stays where it is.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("access", "0003_speaker_reminder"),
        ("directory", "0001_initial"),
        ("meetings", "0010_meeting_ends_next_day"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Grant",
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
                            "role",
                            models.CharField(
                                choices=[
                                    ("secretariat", "Secretariat"),
                                    ("focal_point", "Focal point of a co-organiser"),
                                    ("rapporteur", "Rapporteur"),
                                    ("chair", "Chair"),
                                    ("speaker", "Speaker"),
                                    ("delegation", "Delegation"),
                                ],
                                max_length=20,
                                verbose_name="role",
                            ),
                        ),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        (
                            "created_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "meeting",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                to="meetings.meeting",
                            ),
                        ),
                        (
                            "organisation",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                to="directory.organisation",
                            ),
                        ),
                        (
                            "person",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                to="directory.person",
                            ),
                        ),
                        (
                            "series",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="grants",
                                to="meetings.series",
                            ),
                        ),
                        (
                            "state",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                to="directory.state",
                            ),
                        ),
                        (
                            "user",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="grants",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "db_table": "access_grant",
                        "verbose_name": "role",
                        "verbose_name_plural": "roles",
                        "ordering": ["series_id", "role", "pk"],
                        "constraints": [
                            models.CheckConstraint(
                                condition=models.Q(
                                    models.Q(("role", "focal_point"), _negated=True),
                                    ("organisation__isnull", False),
                                    _connector="OR",
                                ),
                                name="focal_point_names_organisation",
                            ),
                            models.CheckConstraint(
                                condition=models.Q(
                                    models.Q(("role", "speaker"), _negated=True),
                                    ("person__isnull", False),
                                    _connector="OR",
                                ),
                                name="speaker_names_person",
                            ),
                            models.CheckConstraint(
                                condition=models.Q(
                                    models.Q(("role", "delegation"), _negated=True),
                                    ("state__isnull", False),
                                    ("organisation__isnull", False),
                                    _connector="OR",
                                ),
                                name="delegation_names_state_or_organisation",
                            ),
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
