from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class BuildStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Being built")
    DONE = "done", _("Ready")
    FAILED = "failed", _("Failed")


class Audience(models.TextChoices):
    PUBLIC = "public", _("Public")
    SECRETARIAT = "secretariat", _("Secretariat (drafts included)")


class DocumentBuild(models.Model):
    """A document file built for one content revision.

    The web asks for a build and returns at once; a background worker builds
    it; later requests for the same document, format and revision get the
    stored file.
    """

    series = models.ForeignKey("meetings.Series", on_delete=models.CASCADE, related_name="builds")
    meeting_number = models.PositiveSmallIntegerField(
        default=0, help_text=_("0 for a document of the whole series.")
    )
    document = models.CharField(_("document"), max_length=30)
    format = models.CharField(_("format"), max_length=10)
    # A file per language: a French and an English download never share one.
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    revision = models.PositiveBigIntegerField(_("content revision"))
    audience = models.CharField(_("written for"), max_length=12, choices=Audience.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=BuildStatus.choices, default=BuildStatus.QUEUED
    )
    content = models.BinaryField(_("file"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)
    # The worker process that runs the build, as "host/boot id/process id"
    # (empty while it waits in the queue): a build whose worker is gone is
    # restarted at once instead of waiting.
    builder = models.CharField(_("built by"), max_length=300, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    requested_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("document build")
        constraints = [
            models.UniqueConstraint(
                fields=[
                    "series",
                    "meeting_number",
                    "document",
                    "format",
                    "language",
                    "revision",
                    "audience",
                ],
                name="one_build_per_document_language_and_revision",
            )
        ]

    # Building a file is not a change of content: it must not retire the page cache.
    outside_content_revision = True
    outside_audit = True

    def __str__(self) -> str:
        return (
            f"{self.document}.{self.format} ({self.language}) of {self.series} "
            f"(revision {self.revision})"
        )
