"""Acronyms spelled out at their first use in a document.

The first time a document names an organisation it gives the full name with
the acronym in brackets, "International Rescue Committee (IRC)"; every later
time the acronym alone. One `Acronyms` follows one document, across its
chapters.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Protocol

from django.utils.translation import gettext as _

from convener.directory.models import Organisation
from convener.directory.naming import organisation_in_text

# An acronym in brackets after a name: "(IOM)", "(UN Women)". Bounded, so linear.
_IN_BRACKETS = re.compile(r"\(([A-Z][A-Za-z]{0,20}(?: [A-Z][A-Za-z]{0,20})?)\)")


class Named(Protocol):
    """An organisation or a group of them: a name and perhaps an acronym."""

    name: str
    acronym: str


class Acronyms:
    """Which acronyms a document has spelled out already."""

    def __init__(self) -> None:
        self._spelled: set[str] = set()

    def name(self, organisation: Named, *, in_sentence: bool = False) -> str:
        """ "International Rescue Committee (IRC)" the first time, "IRC" after;
        the name alone for an organisation without acronym. `in_sentence`,
        the full name takes its article: "the World Food Programme (WFP)"."""
        acronym = _acronym(organisation)
        if acronym and acronym in self._spelled:
            return acronym
        name = _name(organisation)
        if in_sentence and isinstance(organisation, Organisation):
            name = organisation_in_text(organisation)
        if not acronym:
            return name
        self._spelled.add(acronym)
        return spelled_out(organisation, name)

    def note(self, organisations: Iterable[Named]) -> None:
        """The document has named these in full with their acronyms."""
        self._spelled.update(_acronym(o) for o in organisations if _acronym(o))

    def read(self, text: str) -> None:
        """Prose of the document: the acronyms it spells out, "… (IOM)", count."""
        self._spelled.update(_IN_BRACKETS.findall(text))

    def knows(self, acronym: str) -> bool:
        """Whether the document has spelled the acronym out already."""
        return acronym in self._spelled


def spelled_out(organisation: Named, name: str = "") -> str:
    """ "International Rescue Committee (IRC)", or `name` (with its article) for the name."""
    # Translators: an organisation in full with its acronym: "International Rescue Committee (IRC)".
    return _("%(name)s (%(acronym)s)") % {
        "name": name or _name(organisation),
        "acronym": _acronym(organisation),
    }


def _name(named: Named) -> str:
    """An organisation's name in the document's language (`reference_names`)."""
    return named.name_in_language if isinstance(named, Organisation) else named.name


def _acronym(named: Named) -> str:
    """An organisation's acronym in the document's language: "OIM" in French."""
    return named.acronym_in_language if isinstance(named, Organisation) else named.acronym
