"""The groups whose speaking time a meeting counts and may limit.

A State counts in its regional group (observer States, which belong to none,
together); a statement on behalf of a group of States counts for the groups
of States; an organisation counts with the organisations of its kind; the
programme's own speakers count apart.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

from convener.directory.models import OrganisationKind, RegionalGroup
from convener.records.models import Capacity

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise

    from convener.live.models.inscriptions import Inscription

PROGRAMME = "programme"
GROUPS_OF_STATES = "groups-of-states"
OBSERVER_STATES = "observer-states"


def speaking_groups() -> list[tuple[str, _StrPromise]]:
    """Every group, as (key, name), in the order screens list them."""
    return [
        *((f"regional:{value}", label) for value, label in RegionalGroup.choices),
        (OBSERVER_STATES, _("Observer States")),
        (GROUPS_OF_STATES, _("Statements on behalf of groups of States")),
        *((f"organisations:{value}", label) for value, label in OrganisationKind.choices),
        (PROGRAMME, _("Speakers of the programme")),
    ]


def speaking_group(inscription: Inscription) -> str:
    """The key of the group whose time the inscription's turn counts in."""
    if inscription.person_id is not None:
        return PROGRAMME
    if inscription.capacity == Capacity.GROUP:
        return GROUPS_OF_STATES
    if inscription.state is not None:
        group = inscription.state.regional_group
        return f"regional:{group}" if group else OBSERVER_STATES
    if inscription.organisation is not None:
        return f"organisations:{inscription.organisation.kind}"
    return PROGRAMME
