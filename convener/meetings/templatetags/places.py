"""How pages word a place in a programme (`convener.meetings.wording`)."""

from __future__ import annotations

from django import template

from convener.meetings import wording
from convener.meetings.models import Participation

register = template.Library()


@register.filter
def place_in_words(place: Participation) -> str:
    """The holder of the place: the person's formal name, or "The Special
    Rapporteur on …", "A representative of …", "TBC"."""
    return wording.place_in_words(place)
