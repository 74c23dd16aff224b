"""A speaker confirming that they take part in a segment of the programme."""

from __future__ import annotations

import logging

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from convener.audit.actors import acts
from convener.directory.models import Person
from convener.meetings.models import Participation

logger = logging.getLogger(__name__)


@acts("person.confirm", on="person")
def confirm_participation(
    *, person: Person, participation: Participation, by: AbstractBaseUser
) -> Participation:
    """Record that `person`, the speaker, confirmed their `participation`;
    confirming again keeps the first time. Only the person confirms, and only
    a part that is theirs."""
    if participation.person_id != person.pk:
        raise ValueError("A person confirms only their own part in the programme.")
    if participation.confirmed_at is not None:
        return participation
    participation.confirmed_at = timezone.now()
    participation.save(update_fields=["confirmed_at"])
    transaction.on_commit(
        lambda: logger.info("%s confirmed participation %s", by, participation.pk)
    )
    return participation
