from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from convener.directory.limits import NOTE, SECTION, SUMMARY, LineField, ProseField


class SeriesStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class CoChairBalance(models.TextChoices):
    """The balance the planning checks ask of each meeting's co-chairs."""

    NONE = "none", _("No rule")
    DEVELOPING_AND_DEVELOPED = (
        "developing_and_developed",
        _("One developing and one developed country per meeting"),
    )


class Series(models.Model):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    title = LineField(_("title"), max_length=400)
    short_title = LineField(_("short title"), max_length=150, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=SeriesStatus.choices, default=SeriesStatus.DRAFT
    )
    convening_group = models.ForeignKey(
        "directory.ConveningGroup",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="series",
    )
    purpose = ProseField(_("purpose"), max_length=SUMMARY, blank=True, help_text=_("Markdown."))
    prepared_event = LineField(_("event it prepares"), max_length=400, blank=True)
    prepared_event_date = models.DateField(_("date of that event"), null=True, blank=True)
    timezone = models.CharField(
        _("time zone"), max_length=60, default="UTC", help_text=_("Meeting times are local to it.")
    )
    venue = LineField(_("venue"), max_length=300, blank=True)
    default_language = models.CharField(
        _("default language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_(
            "The language of the series' pages for visitors who have chosen no "
            "language and whose browser asks for none of the six UN languages."
        ),
    )
    language = models.CharField(
        _("language of record"),
        max_length=10,
        choices=settings.LANGUAGES,
        default="en",
        help_text=_(
            "The language the series' texts are written in first; the other "
            "languages are their translations."
        ),
    )
    rapporteur = models.ForeignKey(
        "directory.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="rapporteur_of",
        help_text=_("Who records the meetings and drafts the report."),
    )
    funders = ProseField(
        _("funding"),
        max_length=NOTE,
        blank=True,
        help_text=_("Markdown: who made the series possible, for the acknowledgements."),
    )
    co_chair_balance = models.CharField(
        _("co-chair balance"),
        max_length=30,
        choices=CoChairBalance.choices,
        default=CoChairBalance.NONE,
        help_text=_(
            "What the planning checks ask of each meeting's co-chairs, "
            "by the series' classification of States."
        ),
    )
    classification_rule = LineField(
        _("co-chair rule"),
        max_length=300,
        blank=True,
        help_text=_("The co-chair rule in the series' own words, as its concept note states it."),
    )
    # The report's cover and the page after it (`publishing.composition.cover`).
    meetings_called = LineField(
        _("the meetings, as the report's title calls them"),
        max_length=150,
        blank=True,
        help_text=_(
            "Such as “multi-stakeholder meetings”: the report is titled “Report of the "
            "(convening group) multi-stakeholder meetings”. Left empty, “meetings”."
        ),
    )
    copyright_holder = LineField(
        _("copyright holder"),
        max_length=200,
        blank=True,
        help_text=_("Who holds the report's copyright, such as UN Women. Left empty, no notice."),
    )
    copyright_year = models.PositiveSmallIntegerField(
        _("copyright year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1945), MaxValueValidator(2100)],
    )
    produced_by = LineField(
        _("produced by"),
        max_length=300,
        blank=True,
        help_text=_(
            "The unit that produced the report for the convening group, with its place, "
            "as a sentence names it: “the Economic Empowerment Section of UN Women, New York”."
        ),
    )
    report_about = ProseField(
        _("about the report"),
        max_length=NOTE,
        blank=True,
        help_text=_("Markdown: a short paragraph on what the report records, for its second page."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-prepared_event_date", "title"]
        verbose_name = _("series")
        verbose_name_plural = _("series")

    def __str__(self) -> str:
        return self.short_title or self.title

    @property
    def is_published(self) -> bool:
        return self.status == SeriesStatus.PUBLISHED


class SectionKind(models.TextChoices):
    INTRODUCTION = "introduction", _("Introduction")
    BACKGROUND = "background", _("Background and justification")
    FORMAT = "format", _("Format")
    TOPICS = "topics", _("Topics")
    SCOPE = "scope", _("Scope")
    OBJECTIVES = "objectives", _("Objectives")
    VENUE = "venue", _("Venue")
    OUTCOME = "outcome", _("Expected outcome")
    OTHER = "other", _("Other")


class ConceptNoteSection(models.Model):
    """A section of the concept note of a series or, where `meeting` is set, of one meeting."""

    series = models.ForeignKey(Series, on_delete=models.CASCADE, related_name="sections")
    meeting = models.ForeignKey(
        "meetings.Meeting",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="sections",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=SectionKind.choices)
    heading = LineField(_("heading"), max_length=300)
    body = ProseField(_("text"), max_length=SECTION, help_text=_("Markdown."))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    # Held in other languages too (`convener.texts`); the versions go with the row.
    text_versions = GenericRelation("texts.TextVersion")
    translatable_fields = ("heading", "body")

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("concept note section")

    def __str__(self) -> str:
        return self.heading

    @property
    def text_series(self) -> Series:
        return self.series


class ReferenceDocument(models.Model):
    """A document the series cites by UN symbol, and the SDG targets it serves."""

    series = models.ForeignKey(Series, on_delete=models.CASCADE, related_name="references")
    symbol = LineField(_("UN symbol"), max_length=80)
    title = LineField(_("title"), max_length=400, blank=True)
    sdg_targets = models.JSONField(_("SDG targets"), default=list, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("reference document")
        constraints = [
            models.UniqueConstraint(fields=["series", "symbol"], name="reference_symbol_unique")
        ]

    def __str__(self) -> str:
        return self.symbol


class DevelopmentStatus(models.TextChoices):
    DEVELOPED = "developed", _("Developed")
    DEVELOPING = "developing", _("Developing")


class StateClassification(models.Model):
    """The series' own classification of a State, which its co-chair rule balances by.

    M49 no longer defines developed and developing countries, so each series
    keeps (and may edit) the classification it works with.
    """

    series = models.ForeignKey(Series, on_delete=models.CASCADE, related_name="classifications")
    state = models.ForeignKey("directory.State", on_delete=models.CASCADE)
    status = models.CharField(_("status"), max_length=10, choices=DevelopmentStatus.choices)

    class Meta:
        verbose_name = _("State classification")
        constraints = [
            models.UniqueConstraint(fields=["series", "state"], name="one_classification_per_state")
        ]

    def __str__(self) -> str:
        return f"{self.state}: {self.get_status_display()}"
