"""Dates, times and numbers in the page's language (`convener.prose.formats`).

The date filters take a moment on the page's clock, as Django's `date` filter
does: inside `{% timezone %}`, on that time zone's. An empty value is shown
as nothing."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django import template

from convener.prose import formats

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
def time_range(start: datetime.time, end: datetime.time, next_day: bool = False) -> str:
    """`{% time_range start end next_day=… %}`: "10:00–13:00"."""
    return formats.time_range(start, end, next_day=next_day)


@register.filter
def number(value: Any) -> str:
    """ "100,000", "100 000"; a value that is not a number is shown as it is."""
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return "" if value is None else str(value)
    return formats.number(value)
