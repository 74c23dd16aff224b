"""Adding and changing a convening group: the group of organisations that convenes a series."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext as _

from convener.audit.actors import acts
from convener.directory.domain.keys import free_key
from convener.directory.models import ConveningGroup, ConveningGroupChair, Organisation

PERMISSION = "directory.add_convening_group"


@acts(PERMISSION, on=None)
def create_convening_group(
    *, name: str, acronym: str = "", description: str = "", by: Any
) -> ConveningGroup:
    """A new convening group, with a key made from its acronym or name.

    A group whose name or acronym is taken already is refused: the user picks
    that one instead."""
    group = ConveningGroup(
        name=name.strip(), acronym=acronym.strip(), description=description.strip()
    )
    group.clean_fields(exclude=["key"])
    same = Q(name__iexact=group.name) | Q(acronym__iexact=group.name)
    if group.acronym:
        same |= Q(acronym__iexact=group.acronym) | Q(name__iexact=group.acronym)
    existing = ConveningGroup.objects.filter(same).first()
    if existing is not None:
        raise ValidationError(
            {
                "name": _("%(group)s is a convening group already: choose it from the list.")
                % {"group": existing}
            }
        )
    group.key = free_key(
        group.acronym or group.name,
        taken=lambda key: ConveningGroup.objects.filter(key=key).exists(),
        fallback="convening-group",
        max_length=80,
    )
    group.save()
    return group


EDIT_PERMISSION = "convening_group.edit"
# What `update_convening_group` changes besides the members and the chairs.
EDITABLE_FIELDS = ("name", "acronym", "description")


@acts(EDIT_PERMISSION, on="group")
def update_convening_group(
    *,
    group: ConveningGroup,
    changes: Mapping[str, str],
    members: Iterable[Organisation],
    chairs: Sequence[tuple[int, Organisation]],
    by: Any,
) -> ConveningGroup:
    """Change the group's names and description, its member organisations, and
    which organisation chairs it in which year (one per year)."""
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"update_convening_group does not change {', '.join(sorted(unknown))}")
    years = [year for year, _organisation in chairs]
    if len(years) != len(set(years)):
        raise ValidationError({"chairs": _("One organisation chairs the group in a year.")})
    for field, value in changes.items():
        setattr(group, field, value.strip())
    group.clean_fields(exclude=["key"])
    _refuse_a_name_taken(group)
    group.save()
    group.members.set(list(members))
    _set_chairs(group, chairs)
    return group


def _refuse_a_name_taken(group: ConveningGroup) -> None:
    names = [name for name in (group.name, group.acronym) if name]
    same = Q()
    for name in names:
        same |= Q(name__iexact=name) | Q(acronym__iexact=name)
    other = ConveningGroup.objects.filter(same).exclude(pk=group.pk).first()
    if other is not None:
        raise ValidationError({"name": _("%(group)s has this name already.") % {"group": other}})


def _set_chairs(group: ConveningGroup, chairs: Sequence[tuple[int, Organisation]]) -> None:
    """Keep each year's row, changing its organisation; add and remove years."""
    wanted = dict(chairs)
    group.chairs.exclude(year__in=wanted).delete()
    for year, organisation in wanted.items():
        ConveningGroupChair.objects.update_or_create(
            group=group, year=year, defaults={"organisation": organisation}
        )
