"""A finding of the planning checks (`review`), and the words the checks share."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy, ngettext

from convener.meetings.models import Meeting, Segment
from convener.prose import formats


class Severity(models.TextChoices):
    PROBLEM = "problem", gettext_lazy("Problem")
    NOTE = "note", gettext_lazy("Note")


class Check(models.TextChoices):
    """The checks, by stable code, in the order findings are listed."""

    TO_BE_CONFIRMED = "to-be-confirmed", gettext_lazy("To be confirmed")
    CO_CHAIR_BALANCE = "co-chair-balance", gettext_lazy("Co-chair balance")
    UNCLASSIFIED_CO_CHAIR = "unclassified-co-chair", gettext_lazy("Co-chair not classified")
    DOUBLE_BOOKING = "double-booking", gettext_lazy("Double booking")
    NO_MODERATOR = "no-moderator", gettext_lazy("No moderator")
    SPEAKING_TIME = "speaking-time", gettext_lazy("Speaking time")
    ALL_MALE_PANEL = "all-male-panel", gettext_lazy("All-male panel")
    SINGLE_GENDER_PANEL = "single-gender-panel", gettext_lazy("Single-gender panel")
    UNRECORDED_GENDER = "unrecorded-gender", gettext_lazy("Gender not recorded")
    REGIONAL_BALANCE = "regional-balance", gettext_lazy("Regional balance")


@dataclass(frozen=True)
class Finding:
    """What a check found: in `meeting`, and in `segment` when it concerns one part of
    the programme; `check` is a `Check` code, `severity` a `Severity`, and `message`
    says why, naming the people or States concerned, in the active language."""

    meeting: Meeting
    segment: Segment | None
    check: str
    severity: str
    message: str

    @property
    def check_label(self) -> str:
        return str(Check(self.check).label)

    @property
    def severity_label(self) -> str:
        return str(Severity(self.severity).label)

    @property
    def is_problem(self) -> bool:
        return self.severity == Severity.PROBLEM


def listed(items: Iterable[str]) -> str:
    """ "A", "A and B", "A, B and C", in the active language (CLDR's lists)."""
    return formats.listed(items)


def minutes(count: int) -> str:
    return ngettext("%(count)d minute", "%(count)d minutes", count) % {"count": count}
