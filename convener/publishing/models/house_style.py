"""A series' house style: the fonts, sizes and margins of its PDF and Word files, and its emblem.

A series without one prints in the UN default (`publishing.print_style.UN_STYLE`).
The style is a row of its own rather than fields of the series: the series is
read on every page, the emblem only by the documents, and printing is this
app's business, not the planning's.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from django.core.validators import MaxValueValidator, MinValueValidator, StepValueValidator
from django.db import models
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from convener.directory.limits import LineField

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

# The largest emblem taken, in bytes: a logo for a cover, not a photograph.
EMBLEM_MAX_BYTES = 1024 * 1024


class Typeface(models.TextChoices):
    """The typefaces a document may be set in: each is installed where the
    PDF files are drawn (`scripts/test`, docs/deployment.md) and free to
    embed. Times New Roman and Arial are not: PDF files draw them with
    Liberation Serif and Liberation Sans, which have their metrics, while
    Word files name the originals, which UN computers have."""

    TIMES = "times", _("Times New Roman (Liberation Serif in PDF files)")
    ARIAL = "arial", _("Arial (Liberation Sans in PDF files)")
    DEJAVU_SERIF = "dejavu-serif", "DejaVu Serif"
    DEJAVU_SANS = "dejavu-sans", "DejaVu Sans"


class EmblemType(models.TextChoices):
    PNG = "image/png", "PNG"
    JPEG = "image/jpeg", "JPEG"
    SVG = "image/svg+xml", "SVG"


def _points(default: str, low: int, high: int, label: StrOrPromise) -> models.DecimalField:
    """A type size in points, by half points (Word's unit), within `low` and `high`."""
    return models.DecimalField(
        label,
        max_digits=3,
        decimal_places=1,
        default=Decimal(default),
        validators=[
            MinValueValidator(Decimal(low)),
            MaxValueValidator(Decimal(high)),
            StepValueValidator(Decimal("0.5")),
        ],
        help_text=format_lazy(
            _("In points, from {low} to {high}, by half points."), low=low, high=high
        ),
    )


def _millimetres(default: int, label: StrOrPromise) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(
        label,
        default=default,
        validators=[MinValueValidator(10), MaxValueValidator(50)],
        help_text=_("In millimetres, from 10 to 50."),
    )


class HouseStyle(models.Model):
    """The defaults here are the UN default (`print_style.UN_STYLE` reads them)."""

    series = models.OneToOneField(
        "meetings.Series", on_delete=models.CASCADE, related_name="house_style"
    )
    body_font = models.CharField(
        _("text typeface"), max_length=20, choices=Typeface.choices, default=Typeface.TIMES
    )
    heading_font = models.CharField(
        _("heading typeface"), max_length=20, choices=Typeface.choices, default=Typeface.TIMES
    )
    body_size = _points("10", 8, 14, _("text size"))
    chapter_size = _points("14", 10, 28, _("chapter heading size"))
    section_size = _points("12", 9, 24, _("section heading size"))
    subsection_size = _points("10", 8, 20, _("subsection heading size"))
    margin_top = _millimetres(25, _("top margin"))
    margin_bottom = _millimetres(25, _("bottom margin"))
    margin_left = _millimetres(22, _("left margin"))
    margin_right = _millimetres(22, _("right margin"))
    # The emblem's bytes, checked (`publishing.domain.house_style.emblem_type`):
    # kept in the database, like the files built, so that it moves with the
    # series' data (an import, a backup) and one transaction saves both.
    emblem = models.BinaryField(_("emblem"), blank=True, default=b"")
    emblem_type = models.CharField(
        _("emblem's format"), max_length=20, choices=EmblemType.choices, blank=True
    )
    emblem_description = LineField(
        _("what the emblem shows"),
        max_length=200,
        blank=True,
        help_text=_(
            "Read out to those who cannot see the emblem, such as “Emblem of UN Women”. "
            "Left empty, “Emblem”."
        ),
    )
    # What the report holds beyond the records' prose: an annex of charts.
    participation_annex = models.BooleanField(
        _("annex “Participation in figures”"),
        default=False,
        help_text=_(
            "Adds to the report an annex of charts, each with its table: who took the floor, "
            "by regional group, kind of speaker and recorded gender, and the co-chairs and "
            "panels of the series."
        ),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("house style")

    def __str__(self) -> str:
        return _("House style of %(series)s") % {"series": self.series}
