"""How the public pages put a turn on the floor into words."""

from __future__ import annotations

from django import template
from django.utils.translation import gettext as _

from convener.records.models import Capacity, Intervention

register = template.Library()


@register.filter
def capacity_in_words(intervention: Intervention) -> str:
    """The capacity in which someone took the floor, as the report puts it:
    "in national capacity", "on behalf of the Group of 77 and China", "as
    co-facilitator of …". Empty when there is nothing to add to the line that
    names the speaker and the delegation."""
    match intervention.capacity:
        case Capacity.NATIONAL:
            return _("in national capacity")
        case Capacity.GROUP if intervention.state_group:
            return _("on behalf of %(group)s") % {"group": intervention.state_group.name}
        case Capacity.GROUP:
            return _("on behalf of a group of States")
        case Capacity.OFFICE if intervention.office:
            # Translators: the office a speaker held, e.g. "as co-facilitator of the plenary".
            return _("as %(office)s") % {"office": intervention.office}
        case Capacity.OFFICE:
            return _("as holder of an office")
        case Capacity.ORGANISATION if intervention.organisation:
            return ""  # the line names the organisation already: "Ms. Kelley, UNHCR"
        case Capacity.ORGANISATION:
            return _("for an organisation")
        case Capacity.PERSONAL:
            return _("in an individual capacity")
    return ""
