# Roles (`convener.roles`) and the audit log (`convener.audit`) are apps of
# their own now, on the same tables; only Django's idea of who owns them moves.

import django.db.models.deletion
from django.db import migrations, models


def name_roles_by_their_new_app(apps, schema_editor):
    """The log names a row's model by its label; a role's is "roles.Grant" now."""
    entries = apps.get_model("audit", "AuditEntry").objects
    entries.filter(target_type="access.Grant").update(target_type="roles.Grant")


def name_roles_by_their_old_app(apps, schema_editor):
    entries = apps.get_model("audit", "AuditEntry").objects
    entries.filter(target_type="roles.Grant").update(target_type="access.Grant")


class Migration(migrations.Migration):
    dependencies = [
        ("access", "0003_speaker_reminder"),
        ("audit", "0001_initial"),
        ("roles", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="invitation",
                    name="grant",
                    field=models.OneToOneField(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="invitation",
                        to="roles.grant",
                    ),
                ),
                migrations.DeleteModel(name="Grant"),
                migrations.DeleteModel(name="AuditEntry"),
            ],
            database_operations=[],
        ),
        migrations.RunPython(name_roles_by_their_new_app, name_roles_by_their_old_app),
    ]
