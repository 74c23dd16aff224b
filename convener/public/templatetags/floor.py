"""How the public pages put a turn on the floor into words."""

from __future__ import annotations

from django import template

from convener.records.interfaces.capacity import capacity_phrase
from convener.records.models import Capacity, Intervention

register = template.Library()


@register.filter
def capacity_in_words(intervention: Intervention) -> str:
    """The capacity in which someone took the floor (`capacity_phrase`), or
    nothing for an organisation: the line that names the speaker names it
    already ("Ms. Kelley, UNHCR")."""
    if intervention.capacity == Capacity.ORGANISATION and intervention.organisation:
        return ""
    return capacity_phrase(intervention, article=False)
