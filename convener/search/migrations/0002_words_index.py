"""The full-text index of statements: an FTS5 table on SQLite, a table of
`tsvector`s with a GIN index on PostgreSQL (convener/search/words.py)."""

from django.db import migrations

SQLITE = [
    # The rowid says which statement and which language (`words.row_id`); the
    # language column keeps each row's terms apart from the others' languages
    # in one MATCH, and weighs nothing in the ranking.
    """CREATE VIRTUAL TABLE search_statement_words USING fts5(
        language, terms, tokenize = 'unicode61 remove_diacritics 0'
    )""",
]
SQLITE_REVERSE = ["DROP TABLE IF EXISTS search_statement_words"]

# No foreign key: Django's flush (tests, `flush`) truncates its own tables
# only, and a deleted statement leaves the index through `statement_changed`.
POSTGRESQL = [
    """CREATE TABLE search_statement_words (
        intervention_id bigint NOT NULL,
        language varchar(10) NOT NULL,
        document tsvector NOT NULL,
        PRIMARY KEY (intervention_id, language)
    )""",
    "CREATE INDEX search_statement_words_document ON search_statement_words USING gin (document)",
]
POSTGRESQL_REVERSE = ["DROP TABLE IF EXISTS search_statement_words"]


FORWARDS = {"sqlite": SQLITE, "postgresql": POSTGRESQL}
BACKWARDS = {"sqlite": SQLITE_REVERSE, "postgresql": POSTGRESQL_REVERSE}


def _create(apps, schema_editor):
    for sql in FORWARDS.get(schema_editor.connection.vendor, []):
        schema_editor.execute(sql)


def _drop(apps, schema_editor):
    for sql in BACKWARDS.get(schema_editor.connection.vendor, []):
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_statement_vectors")]

    operations = [migrations.RunPython(_create, _drop)]
