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
from convener.meetings.models import Participation

# Names that end in a common noun ("… Commission", "World Bank") or that name
# something "of" something ("Office of the …") take "the" in running text;
# a proper name ("Human Rights Watch", "Oxfam") does not.
_COMMON_NOUN = re.compile(
    r"\b(Agency|Alliance|Association|Authority|Bank|Bureau|Centre|Center|Coalition|"
    r"Commissions?|Committee|Conference|Council|Court|Department|Division|Entity|"
    r"Federation|Forum|Foundation|Fund|Government|Initiative|Institute|League|Ministry|"
    r"Mission|Network|Office|Organi[sz]ation|Parliament|Programme|Secretariat|Union|"
    r"University)$"
)


def formal_name(person: Person) -> str:
    return person.formal_name


def place_in_words(
    place: Participation, *, person_words: Callable[[Person], str] = formal_name
) -> str:
    """The holder of a place in a programme, as pages and documents print it."""
    if place.person is not None:
        return person_words(place.person)
    office, organisation = place.office.strip(), place.organisation
    if office and organisation is not None:
        if _mentions(office, organisation):
            return _the(office)
        # Translators: an office and its organisation: "The Director of …, Office of …".
        return _("%(office)s, %(organisation)s") % {
            "office": _the(office),
            "organisation": organisation.name,
        }
    if office:
        return _the(office)
    if organisation is not None:
        return _("A representative of %(organisation)s") % {
            "organisation": organisation_in_running_text(organisation)
        }
    return _("TBC")


def is_to_be_confirmed(place: Participation) -> bool:
    """Whether nothing is known of who holds the place."""
    return place.person_id is None and not place.office.strip() and place.organisation_id is None


def organisation_in_running_text(organisation: Organisation) -> str:
    """The organisation's name as a sentence uses it: "the World Bank", "Oxfam"."""
    name = organisation.name
    if name.lower().startswith("the "):
        return name
    if " of " in name or _COMMON_NOUN.search(name):
        return _("the %(name)s") % {"name": name}
    return name


def _the(office: str) -> str:
    """The office with its article: "The Special Rapporteur on …"."""
    if office.lower().startswith("the "):
        return office[0].upper() + office[1:]
    # Translators: an office held by someone not yet named: "The Special Rapporteur on …".
    return _("The %(office)s") % {"office": office}


def _mentions(office: str, organisation: Organisation) -> bool:
    names = [organisation.name, organisation.acronym]
    return any(name and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", office) for name in names)
