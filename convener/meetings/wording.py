"""How a place in a programme reads, whoever holds it.

A place held by a person reads as each page or document words a person
(`person_words`: a formal name, or name, position and organisation). A place
not yet named reads by what is known of it:

- an office: "The Special Rapporteur on the human rights of migrants";
- an organisation: "A representative of the Office of the United Nations
  High Commissioner for Refugees";
- both: "The Director of the Division of International Protection, Office
  of the United Nations High Commissioner for Refugees";
- nothing: "TBC".
"""

from __future__ import annotations

import re
from collections.abc import Callable

from django.utils.translation import gettext as _

from convener.directory.models import Organisation, Person
from convener.directory.naming import organisation_in_text
from convener.meetings.models import Participation


def formal_name(person: Person) -> str:
    return person.formal_name


def place_in_words(
    place: Participation,
    *,
    person_words: Callable[[Person], str] = formal_name,
    in_sentence: bool = False,
) -> str:
    """The holder of a place in a programme, as pages and documents print it:
    at the start of a line, or `in_sentence` ("… holds the place of the
    Special Rapporteur on …")."""
    if place.person is not None:
        return person_words(place.person)
    office, organisation = place.office.strip(), place.organisation
    if office and organisation is not None:
        if _mentions(office, organisation):
            return _the(office, in_sentence)
        # Translators: an office and its organisation: "The Director of …, Office of …".
        return _("%(office)s, %(organisation)s") % {
            "office": _the(office, in_sentence),
            "organisation": organisation.name,
        }
    if office:
        return _the(office, in_sentence)
    if organisation is not None:
        running = {"organisation": organisation_in_running_text(organisation)}
        if in_sentence:
            # Translators: a place held for an organisation, within a sentence.
            return _("a representative of %(organisation)s") % running
        return _("A representative of %(organisation)s") % running
    return _("TBC")


def is_to_be_confirmed(place: Participation) -> bool:
    """Whether nothing is known of who holds the place."""
    return place.person_id is None and not place.office.strip() and place.organisation_id is None


def organisation_in_running_text(organisation: Organisation) -> str:
    """The organisation's name as a sentence uses it: "the World Bank", "Oxfam"."""
    return organisation_in_text(organisation)


def _the(office: str, in_sentence: bool = False) -> str:
    """The office with its article: "The Special Rapporteur on …", or "the …"
    within a sentence."""
    if office.lower().startswith("the "):
        article = "t" if in_sentence else "T"
        return article + office[1:]
    if in_sentence:
        # Translators: an office held by someone not yet named, within a sentence.
        return _("the %(office)s") % {"office": office}
    # Translators: an office held by someone not yet named: "The Special Rapporteur on …".
    return _("The %(office)s") % {"office": office}


def _mentions(office: str, organisation: Organisation) -> bool:
    names = [organisation.name, organisation.acronym]
    return any(name and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", office) for name in names)
