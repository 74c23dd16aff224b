"""Dates, times and numbers in the page's language (`convener.prose.formats`).

The date filters take a moment on the page's clock, as Django's `date` filter
does: inside `{% timezone %}`, on that time zone's. An empty value is shown
as nothing."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from convener.prose import formats
from convener.prose.direction import left_to_right

register = template.Library()


@register.filter(expects_localtime=True)
def long_date(value: datetime.date | None) -> str:
    """ "13 July 2016"."""
    return formats.long_date(value) if value else ""


@register.filter(expects_localtime=True)
def weekday_date(value: datetime.date | None) -> str:
    """ "Wednesday 20 July 2016"."""
    return formats.weekday_date(value) if value else ""


@register.filter(expects_localtime=True)
def short_date(value: datetime.date | None) -> str:
    """ "13 Jul 2016"."""
    return formats.short_date(value) if value else ""


@register.filter(expects_localtime=True)
def time_of_day(value: datetime.time | datetime.datetime | None) -> str:
    """ "09:30"."""
    return formats.time_of_day(value) if value else ""


@register.filter(expects_localtime=True)
def date_and_time(value: datetime.datetime | None, length: str = "") -> str:
    """ "2 March 2026, 09:30"; `date_and_time:"short"`, "2 Mar 2026, 09:30"."""
    return formats.date_and_time(value, short=length == "short") if value else ""


@register.simple_tag
def time_range(start: datetime.time, end: datetime.time, next_day: bool = False) -> SafeString:
    """`{% time_range start end next_day=… %}`: "10:00–13:00", its times isolated
    left to right so that a right-to-left page does not read "13:00–10:00"."""
    times = left_to_right(formats.time_range(start, end))
    if not next_day:
        return SafeString(times)
    return mark_safe(  # noqa: S308 — the translation escaped, the times isolated and escaped
        conditional_escape(_("%(times)s the next day")) % {"times": times}
    )


@register.filter
def number(value: Any) -> str:
    """ "100,000", "100 000"; a value that is not a number is shown as it is."""
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return "" if value is None else str(value)
    return formats.number(value)
