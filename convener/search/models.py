"""What the search keeps of each statement."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class StatementVector(models.Model):
    """The meaning of one statement (an intervention's summary and points) as
    a vector of `meaning.DIMENSIONS` little-endian float32 values.

    `text_digest` is the SHA-256 of the text the vector was computed from: a
    statement whose text has changed since no longer matches it and is
    embedded again.
    """

    intervention = models.OneToOneField(
        "records.Intervention",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="meaning",
    )
    vector = models.BinaryField(_("vector"))
    model = models.CharField(_("model"), max_length=60)
    text_digest = models.CharField(_("digest of the text embedded"), max_length=64)
    computed_at = models.DateTimeField(auto_now=True)

    class Meta:
        # The latest `computed_at`, which each search reads to know whether
        # the vectors held in memory are current: from this index in 0.3 ms
        # at 100,000 statements, instead of a scan of 150 MB of rows.
        indexes = [
            models.Index(
                fields=["model", "computed_at", "intervention"], name="search_vector_stamp"
            )
        ]
        verbose_name = _("meaning of a statement")
        verbose_name_plural = _("meanings of statements")

    def __str__(self) -> str:
        return f"{self.model} #{self.intervention_id}"


# The full-text index of statements, one row per statement and language (the
# original, then each translation), made by migration 0002 for the database in
# use: on SQLite an FTS5 table of stemmed terms (`analysis.terms`), whose rowid
# is `words_row_id`; on PostgreSQL a table of `tsvector`s with a GIN index,
# keyed by (intervention_id, language). Written by `domain/index.py`, read by
# `queries/words.py`; it has no Django model, as Django knows neither kind of
# column.
WORDS_TABLE = "search_statement_words"
# Rowids per statement on SQLite: one for each of the six languages, and room.
LANGUAGE_SLOTS = 8


def words_row_id(intervention_id: int, slot: int) -> int:
    return intervention_id * LANGUAGE_SLOTS + slot
