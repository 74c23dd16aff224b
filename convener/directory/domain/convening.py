"""Adding a convening group: the group of organisations that convenes a series."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from convener.directory.domain.keys import free_key
from convener.directory.models import ConveningGroup

PERMISSION = "directory.add_convening_group"


def create_convening_group(
    *, name: str, acronym: str = "", description: str = "", by: Any
) -> ConveningGroup:
    """A new convening group, with a key made from its acronym or name.

    A group whose name or acronym is taken already is refused: the user picks
    that one instead."""
    if not by.has_perm(PERMISSION):
        raise PermissionDenied(PERMISSION)
    group = ConveningGroup(
        name=name.strip(), acronym=acronym.strip(), description=description.strip()
    )
    with transaction.atomic():
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
