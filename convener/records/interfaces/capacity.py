"""The capacity in which someone took the floor, in the words of a report."""

from __future__ import annotations

from django.utils.translation import gettext as _

from convener.records.models import Capacity, Intervention


def capacity_phrase(intervention: Intervention, *, article: bool = True) -> str:
    """How a report says in what capacity someone took the floor: "in national
    capacity", "on behalf of the Group of 77 and China", "as co-facilitator of
    …", "for UNHCR". Empty when the capacity was not recorded.

    `article=False` leaves out "the" before a group's name ("on behalf of Small
    Island Developing States"), the wording the public pages have used so far.
    """
    match intervention.capacity:
        case Capacity.NATIONAL:
            return _("in national capacity")
        case Capacity.GROUP if intervention.state_group and article:
            # Translators: a State or speaker took the floor for a group of States.
            return _("on behalf of the %(group)s") % {
                "group": intervention.state_group.name_in_language
            }
        case Capacity.GROUP if intervention.state_group:
            return _("on behalf of %(group)s") % {
                "group": intervention.state_group.name_in_language
            }
        case Capacity.GROUP:
            return _("on behalf of a group of States")
        case Capacity.OFFICE if intervention.office:
            # Translators: the office a speaker held, e.g. "as co-facilitator of the plenary".
            return _("as %(office)s") % {"office": intervention.office}
        case Capacity.OFFICE:
            return _("as holder of an office")
        case Capacity.ORGANISATION if intervention.organisation:
            # Translators: the organisation a speaker spoke for, e.g. "for UNHCR".
            return _("for %(organisation)s") % {"organisation": intervention.organisation.label}
        case Capacity.ORGANISATION:
            return _("for an organisation")
        case Capacity.PERSONAL:
            return _("in an individual capacity")
    return ""
