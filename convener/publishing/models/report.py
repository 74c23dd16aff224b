from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import gettext_lazy as _

from convener.directory.limits import REPORT, ProseField


class ReportTextKind(models.TextChoices):
    ACKNOWLEDGEMENTS = "acknowledgements", _("Acknowledgements")
    INTRODUCTION = "introduction", _("Introduction")


class ReportText(models.Model):
    """Prose of the series report that the rapporteur writes or edits.

    Where none is stored, the report generates the text from the records
    (the acknowledgements name the co-chairs, the rapporteur, the
    co-organisers and the funders); editing replaces that text.
    """

    series = models.ForeignKey(
        "meetings.Series", on_delete=models.CASCADE, related_name="report_texts"
    )
    kind = models.CharField(_("part"), max_length=20, choices=ReportTextKind.choices)
    body = ProseField(_("text"), max_length=REPORT, help_text=_("Markdown."))
    updated_at = models.DateTimeField(auto_now=True)

    # Held in other languages too (`convener.texts`); the versions go with the row.
    text_versions = GenericRelation("texts.TextVersion")
    translatable_fields = ("body",)

    class Meta:
        verbose_name = _("report text")
        constraints = [
            models.UniqueConstraint(fields=["series", "kind"], name="one_report_text_per_part")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.series})"

    @property
    def text_series(self) -> Any:
        return self.series
