"""People and organisations keep their names folded for search (`directory.folding`).

On PostgreSQL, a trigram index (`pg_trgm`) serves the searches' `contains`
(LIKE '%…%'), which no ordinary index can; SQLite reads the small table
whole. `TrigramExtension` does nothing on another database, and neither do
the index operations below.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models

from convener.directory.folding import organisation_search_text, person_search_text

TRIGRAM_INDEXES = {
    "directory_person_search_text_trgm": "directory_person",
    "directory_organisation_search_text_trgm": "directory_organisation",
}


def fold_existing_names(apps, schema_editor):
    Person = apps.get_model("directory", "Person")
    Organisation = apps.get_model("directory", "Organisation")
    people = list(Person.objects.only("family_name", "given_name", "short_name"))
    for person in people:
        person.search_text = person_search_text(
            family_name=person.family_name,
            given_name=person.given_name,
            short_name=person.short_name,
        )
    Person.objects.bulk_update(people, ["search_text"], batch_size=500)
    organisations = list(Organisation.objects.only("name", "acronym"))
    for organisation in organisations:
        organisation.search_text = organisation_search_text(
            name=organisation.name, acronym=organisation.acronym
        )
    Organisation.objects.bulk_update(organisations, ["search_text"], batch_size=500)


def add_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for index, table in TRIGRAM_INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {index} ON {table} USING gin (search_text gin_trgm_ops)"
        )


def drop_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for index in TRIGRAM_INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {index}")


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0003_url_schemes"),
    ]

    operations = [
        migrations.AddField(
            model_name="person",
            name="search_text",
            field=models.TextField(default="", editable=False),
        ),
        migrations.AddField(
            model_name="organisation",
            name="search_text",
            field=models.TextField(default="", editable=False),
        ),
        migrations.RunPython(fold_existing_names, migrations.RunPython.noop),
        TrigramExtension(),
        migrations.RunPython(add_trigram_indexes, drop_trigram_indexes),
    ]
