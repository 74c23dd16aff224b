from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from convener.directory.limits import LineField


class DocumentVersion(models.Model):
    """A document as the public read it when it was published, kept as Markdown.

    A document is named as `composition.documents` names it ("concept-note",
    "programme"…) and, for a meeting's own document, by the meeting's number
    (0 for a document of the whole series, as builds do). Versions are
    numbered from 1 per document and never change once kept.
    """

    series = models.ForeignKey(
        "meetings.Series", on_delete=models.CASCADE, related_name="document_versions"
    )
    meeting_number = models.PositiveSmallIntegerField(
        default=0, help_text=_("0 for a document of the whole series.")
    )
    document = models.CharField(_("document"), max_length=30)
    number = models.PositiveIntegerField(_("version"))
    text = models.TextField(_("text"), help_text=_("Markdown, as the Markdown download writes it."))
    published_at = models.DateTimeField(_("published"), auto_now_add=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    note = LineField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["series_id", "document", "meeting_number", "-number"]
        verbose_name = _("document version")
        constraints = [
            models.UniqueConstraint(
                fields=["series", "document", "meeting_number", "number"],
                name="one_number_per_document_version",
            )
        ]

    # The audit log gets one "published" entry per version from the domain,
    # rather than a copy of the whole text in a "created" entry.
    outside_audit = True

    def __str__(self) -> str:
        return f"{self.document} {self.number} of {self.series}"
