"""Who took the floor, as the figures count them: the kind of speaker, and
the labels of regional groups, genders and capacities, "not recorded" among them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping

from django.utils.translation import gettext as _

from convener.directory.models import Gender, OrganisationKind, RegionalGroup
from convener.participation.queries.rows import Row
from convener.records.models import Capacity, Intervention


class SpeakerKind:
    """The kinds of speaker the figures count, in the order they list them."""

    @staticmethod
    def labels() -> dict[str, str]:
        return {
            "member_state": _("Member State"),
            "observer_state": _("Observer State"),
            "group_of_states": _("Group of States"),
            "un_entity": _("UN entity"),
            "international_organisation": _("Other international organisation"),
            "civil_society": _("Civil society"),
            "academia": _("Academia"),
            "private_sector": _("Private sector"),
            "other": _("Other or individual"),
        }


_ORGANISATION_KINDS: dict[str, str] = {
    OrganisationKind.UN_ENTITY: "un_entity",
    OrganisationKind.INTERNATIONAL_ORGANISATION: "international_organisation",
    OrganisationKind.NGO: "civil_society",
    OrganisationKind.ACADEMIA: "academia",
    OrganisationKind.PRIVATE_SECTOR: "private_sector",
}


def speaker_kind(turn: Intervention) -> str:
    """Who spoke, as the figures count them: a State (a member or an observer),
    a group of States speaking as one, or an organisation by its kind; a
    permanent mission or a government counts as its State."""
    state = turn.state
    if state is None and turn.organisation is not None:
        state = turn.organisation.state
    if state is not None:
        return "member_state" if state.is_member else "observer_state"
    if turn.state_group is not None:
        return "group_of_states"
    if turn.organisation is not None:
        return _ORGANISATION_KINDS.get(turn.organisation.kind, "other")
    return "other"


def group_labels() -> dict[str, str]:
    return {
        **{group.value: str(group.label) for group in RegionalGroup},
        "": _("No regional group"),
    }


def gender_labels() -> dict[str, str]:
    return {**{gender.value: str(gender.label) for gender in Gender}, "": _("Not recorded")}


def capacity_labels() -> dict[str, str]:
    return {**{c.value: str(c.label) for c in Capacity}, "": _("Not recorded")}


def counted_rows(counts: Mapping[str, float], labels: dict[str, str]) -> tuple[Row, ...]:
    """The counted keys in the order of `labels` (those with none left out),
    then any key `labels` does not know, by name."""
    known = [Row(labels[key], counts[key]) for key in labels if counts.get(key)]
    unknown = sorted(key for key in counts if key not in labels and counts[key])
    return (*known, *(Row(key, counts[key]) for key in unknown))


def counted(turns: Iterable[Intervention], key: Callable[[Intervention], str]) -> Counter[str]:
    return Counter(key(turn) for turn in turns)


def who_spoke(turn: Intervention) -> str:
    """The one who took the floor, for counting first-timers: the delegation
    (State, group, organisation), else the person."""
    return who_spoke_for(turn.state_id, turn.state_group_id, turn.organisation_id, turn.speaker_id)


def who_spoke_for(
    state: int | None, group: int | None, organisation: int | None, person: int | None
) -> str:
    """`who_spoke`, from the keys of a turn's columns."""
    if state:
        return f"state:{state}"
    if group:
        return f"group:{group}"
    if organisation:
        return f"organisation:{organisation}"
    return f"person:{person}"
