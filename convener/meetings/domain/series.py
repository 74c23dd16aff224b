"""Creating a series, changing its facts, and writing its concept note.

A concept note is a list of sections in Markdown. The series has its own,
and each meeting may have sections of its own (`ConceptNoteSection.meeting`);
the order of each list is kept in `order`, 0 first. The series' concept
note is its secretariat's (`series.manage`); a meeting's is changed as the
meeting's facts are (`meeting.manage`, which a reported meeting no longer gives).
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Collection, Mapping, Sequence
from functools import cache
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db.models import Max, QuerySet
from django.utils.translation import gettext as _

from convener.audit.actors import acts, require
from convener.meetings.domain.fields import field_errors
from convener.meetings.models import ConceptNoteSection, Meeting, Series, SeriesStatus
from convener.roles.domain import grant_role
from convener.roles.models import Role

# The facts of a series that its secretariat edits, in the order its form
# shows them; the slug is its address, given once; the status moves through
# `workflow`.
EDITABLE_FIELDS = (
    "title",
    "short_title",
    "convening_group",
    "purpose",
    "prepared_event",
    "prepared_event_date",
    "timezone",
    "venue",
    "default_language",
    "language",
    "rapporteur",
    "funders",
    "meetings_called",
    "copyright_holder",
    "copyright_year",
    "produced_by",
    "report_about",
)
SECTION_FIELDS = frozenset({"kind", "heading", "body"})


@acts("series.create", on=None)
def create_series(*, slug: str, fields: Mapping[str, Any], by: AbstractBaseUser) -> Series:
    """A new draft series. Its creator becomes its secretariat, unless they are
    the site administrator, who manages every series already."""
    _refuse_unknown(fields, EDITABLE_FIELDS, "create_series")
    series = Series(slug=slug, status=SeriesStatus.DRAFT, **fields)
    errors = field_errors(series, changed={"slug", "title", *fields})
    if "slug" not in errors and Series.objects.filter(slug=slug).exists():
        errors["slug"] = [ValidationError(_("Another series has this address already."))]
    _check_timezone(series, errors)
    if errors:
        raise ValidationError(errors)
    series.save()
    if not getattr(by, "is_superuser", False):
        grant_role(user=by, series=series, role=Role.SECRETARIAT, by=by)
    return series


@acts("series.manage", on="series")
def update_series(*, series: Series, changes: Mapping[str, Any], by: AbstractBaseUser) -> Series:
    """Apply `changes` (field names to values) to the series; nothing is saved
    if one breaks a rule (ValidationError keyed by field)."""
    _refuse_unknown(changes, EDITABLE_FIELDS, "update_series")
    if not changes:
        return series
    for name, value in changes.items():
        setattr(series, name, value)
    errors = field_errors(series, changed=set(changes))
    if "timezone" in changes:
        _check_timezone(series, errors)
    if errors:
        raise ValidationError(errors)
    series.save(update_fields=[*changes, "updated_at"])
    return series


@acts("series.manage", on="series")
def add_section(
    *,
    series: Series,
    meeting: Meeting | None = None,
    fields: Mapping[str, Any],
    by: AbstractBaseUser,
) -> ConceptNoteSection:
    """A new section at the end of the concept note of the series, or of `meeting`."""
    _refuse_unknown(fields, SECTION_FIELDS, "add_section")
    if meeting is not None and meeting.series_id != series.pk:
        raise ValidationError({"meeting": _("The meeting belongs to another series.")})
    _require_meeting_manage(by, meeting)
    last = _sections(series, meeting).aggregate(last=Max("order"))["last"]
    section = ConceptNoteSection(
        series=series, meeting=meeting, order=0 if last is None else last + 1, **fields
    )
    _check_section(section, changed=SECTION_FIELDS)
    section.save()
    return section


@acts("series.manage", on="section")
def update_section(
    *, section: ConceptNoteSection, changes: Mapping[str, Any], by: AbstractBaseUser
) -> ConceptNoteSection:
    _refuse_unknown(changes, SECTION_FIELDS, "update_section")
    _require_meeting_manage(by, section.meeting)
    if not changes:
        return section
    for name, value in changes.items():
        setattr(section, name, value)
    _check_section(section, changed=set(changes))
    section.save(update_fields=list(changes))
    return section


@acts("series.manage", on="section")
def delete_section(*, section: ConceptNoteSection, by: AbstractBaseUser) -> None:
    _require_meeting_manage(by, section.meeting)
    section.delete()


@acts("series.manage", on="series")
def reorder_sections(
    *,
    series: Series,
    meeting: Meeting | None = None,
    order: Sequence[int],
    by: AbstractBaseUser,
) -> None:
    """Put the sections of one concept note in the order of their ids in `order`,
    which must name each of them once."""
    _require_meeting_manage(by, meeting)
    sections = {section.pk: section for section in _sections(series, meeting)}
    if sorted(order) != sorted(sections):
        raise ValidationError(
            {"order": _("Give every section of this concept note once, and no other.")}
        )
    for position, pk in enumerate(order):
        section = sections[pk]
        if section.order != position:
            section.order = position
            section.save(update_fields=["order"])


@acts("series.manage", on="section")
def move_section(*, section: ConceptNoteSection, by_places: int, by: AbstractBaseUser) -> None:
    """Move a section up (negative) or down (positive) its concept note; it
    stops at either end."""
    siblings = list(
        _sections(section.series, section.meeting)
        .order_by("order", "pk")
        .values_list("pk", flat=True)
    )
    position = siblings.index(section.pk)
    target = max(0, min(len(siblings) - 1, position + by_places))
    siblings.insert(target, siblings.pop(position))
    reorder_sections(series=section.series, meeting=section.meeting, order=siblings, by=by)


def _require_meeting_manage(by: AbstractBaseUser, meeting: Meeting | None) -> None:
    """A meeting's concept note needs `meeting.manage` besides the series' permission."""
    if meeting is not None:
        require(by, "meeting.manage", meeting)


def _sections(series: Series, meeting: Meeting | None) -> QuerySet[ConceptNoteSection]:
    return ConceptNoteSection.objects.filter(series=series, meeting=meeting)


def _check_section(section: ConceptNoteSection, *, changed: Collection[str]) -> None:
    errors = field_errors(section, changed=changed)
    for name in {"heading", "body"} & set(changed):
        if name not in errors and not str(getattr(section, name)).strip():
            errors[name] = [ValidationError(_("This field cannot be empty."))]
    if errors:
        raise ValidationError(errors)


@cache
def _time_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def _check_timezone(series: Series, errors: dict[str, list[ValidationError]]) -> None:
    if "timezone" not in errors and series.timezone not in _time_zones():
        errors["timezone"] = [
            ValidationError(
                _("Give a time zone of the IANA database, such as America/New_York."),
            )
        ]


def _refuse_unknown(fields: Mapping[str, Any], allowed: Collection[str], function: str) -> None:
    unknown = set(fields) - set(allowed)
    if unknown:
        raise ValueError(f"{function} does not set {', '.join(sorted(unknown))}")
