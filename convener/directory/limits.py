"""What a text field takes: how long it may be, and which characters.

Every text a user types has a limit, so that a paste of megabytes cannot make
a thousand-page PDF or stall the Markdown renderer. One-line fields (names,
titles, positions, rooms, headings…) take one clean line: no line break, no
control character and no bidirectional override, which would let a name
display reversed or inject lines into a document, a CSV file or a calendar.
Prose (Markdown) keeps its line breaks but refuses NUL, the other control
characters and the bidirectional embeddings and overrides.

The model fields carry these rules (`LineField`, `ProseField`), so forms, the
admin and `full_clean` apply them; the import schema and the API read the
same fields (`convener.directory.interfaces.limits`), so no number is
written twice. `docs/architecture.md` ("Limits") lists them.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

# Lengths of prose, in characters. A page of a report holds about 3,000.
BIOGRAPHY = 5_000  # a speaker's biography: a long paragraph of a programme
NOTE = 5_000  # a note beside a fact: a meeting's format, the funders of a series
SUMMARY = 20_000  # a summary or description: a statement, a meeting, a series' purpose
SECTION = 50_000  # a section of a concept note, the account of a whole segment
REPORT = 100_000  # a part of the report the rapporteur writes
POINT = 2_000  # one point or recommendation of a statement
POINTS = 50  # points and recommendations of one statement

# Bidirectional embeddings and overrides (LRE, RLE, PDF, LRO, RLO) reorder the
# characters they govern: "Ana\u202eziuR" shows as "AnaRuiz" read backwards.
BIDI_OVERRIDES = frozenset("\u202a\u202b\u202c\u202d\u202e")
# Isolates (LRI, RLI, FSI, PDI) are what the Unicode Bidirectional Algorithm
# recommends for a Latin acronym inside Arabic prose; they are refused in one
# line only, where nothing needs them and they could still hide a reversal.
BIDI_ISOLATES = frozenset("\u2066\u2067\u2068\u2069")
LINE_SEPARATORS = frozenset("\u2028\u2029")
PROSE_CONTROLS = frozenset("\t\n\r")  # tab, and line breaks of either platform


def _name(character: str) -> str:
    code = f"U+{ord(character):04X}"
    name = unicodedata.name(character, "")
    # Control characters have no name in the Unicode database, only a code point.
    return f"{code} {name}" if name else _("%(code)s (a control character)") % {"code": code}


def line_problem(value: str) -> str | None:
    """Why `value` is not one clean line, or None."""
    for character in value:
        if character in "\r\n" or character in LINE_SEPARATORS:
            return _("Write this on one line, without line breaks.")
        if unicodedata.category(character) == "Cc" or character in BIDI_OVERRIDES | BIDI_ISOLATES:
            return _("Remove the invisible character %(character)s.") % {
                "character": _name(character)
            }
    return _unicode_problem(value)


def prose_problem(value: str) -> str | None:
    """Why `value` cannot be stored as prose, or None."""
    for character in value:
        control = unicodedata.category(character) == "Cc" and character not in PROSE_CONTROLS
        if control or character in BIDI_OVERRIDES:
            return _("Remove the invisible character %(character)s.") % {
                "character": _name(character)
            }
    return _unicode_problem(value)


def _unicode_problem(value: str) -> str | None:
    # A lone surrogate cannot be written as UTF-8, so no database stores it.
    try:
        value.encode()
    except UnicodeEncodeError:
        return _("This is not valid Unicode text.")
    return None


def one_line(value: str) -> None:
    """The validator of a one-line field."""
    problem = line_problem(value)
    if problem:
        raise ValidationError(problem, code="one_line")


def prose(value: str) -> None:
    """The validator of a prose field."""
    problem = prose_problem(value)
    if problem:
        raise ValidationError(problem, code="prose")


def _checking(field: Any, validators: list[Any]) -> Any:
    """The form field, checking the model field's characters as well as its length."""
    field.validators = [*field.validators, *validators]
    return field


class LineField(models.CharField):
    """One line of text, such as a name or a title (`one_line`)."""

    default_validators = [one_line]

    def formfield(self, **kwargs: Any) -> Any:
        # A form built from the field alone (not a ModelForm) checks it too.
        return _checking(super().formfield(**kwargs), self.default_validators)


class ProseField(models.TextField):
    """A Markdown text within `max_length`, which it requires (`prose`).

    Django passes a TextField's max_length to its form field only; this field
    also checks it in `full_clean`, so every way in (forms, the admin, domain
    functions) refuses a text too long.
    """

    default_validators = [prose]

    def __init__(self, *args: Any, max_length: int, **kwargs: Any) -> None:
        super().__init__(*args, **{**kwargs, "max_length": max_length})

    @cached_property
    def validators(self) -> list[Any]:
        return [*super().validators, MaxLengthValidator(self.max_length)]

    def formfield(self, **kwargs: Any) -> Any:
        return _checking(super().formfield(**kwargs), self.default_validators)
