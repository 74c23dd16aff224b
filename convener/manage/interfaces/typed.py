"""Dates and times typed as text, so that an impossible one is refused, not erased."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

DATE_HELP = _("Year-month-day, e.g. 2016-04-25. Leave empty while it is to be confirmed.")
TIME_HELP = _("Hours:minutes, 24-hour clock, e.g. 14:30. Leave empty while it is to be confirmed.")

NO_SUCH_DATE = _("There is no such date: give year-month-day, e.g. 2016-04-25, or leave it empty.")
NO_SUCH_TIME = _("There is no such time: give hours:minutes, e.g. 14:30, or leave it empty.")


class _Typed(forms.TextInput):
    """A plain text box for a date or time, not the browser's date or time box:
    that one sends an empty value for a day it cannot read (30 February), and as
    empty means "to be confirmed" the stored date was silently erased. Sent as
    typed, an impossible value is refused by the form and kept in the box; a box
    left with only spaces in it is empty. Written left to right in every
    language ("2016-07-13", "14:30"), also in a right-to-left form."""

    def __init__(self, placeholder: Any) -> None:
        attrs = {
            "inputmode": "numeric",
            "autocomplete": "off",
            "placeholder": placeholder,
            "dir": "ltr",
        }
        super().__init__(attrs=attrs)

    def value_from_datadict(self, data: Any, files: Any, name: str) -> Any:
        value = super().value_from_datadict(data, files, name)
        return value.strip() if isinstance(value, str) else value


class TypedDate(_Typed, forms.DateInput):
    def __init__(self) -> None:
        super().__init__(_("YYYY-MM-DD"))
        self.format = "%Y-%m-%d"


class TypedTime(_Typed, forms.TimeInput):
    def __init__(self) -> None:
        super().__init__(_("HH:MM"))
        self.format = "%H:%M"


def typed_date_field(label: Any) -> forms.DateField:
    """An optional date typed as text, with its help and its refusal."""
    return forms.DateField(
        label=label,
        required=False,
        widget=TypedDate(),
        help_text=DATE_HELP,
        error_messages={"invalid": NO_SUCH_DATE},
    )


def typed_time_field(label: Any) -> forms.TimeField:
    """An optional time typed as text, with its help and its refusal."""
    return forms.TimeField(
        label=label,
        required=False,
        widget=TypedTime(),
        help_text=TIME_HELP,
        error_messages={"invalid": NO_SUCH_TIME},
    )
