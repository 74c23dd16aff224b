"""A speaker confirming that they take part in a segment of the programme."""

from __future__ import annotations

import logging

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from convener.meetings.models import Participation

logger = logging.getLogger(__name__)


def confirm_participation(*, participation: Participation, by: AbstractBaseUser) -> Participation:
    """Record that the speaker confirmed; confirming again keeps the first time."""
    if participation.confirmed_at is not None:
        return participation
    with transaction.atomic():
        participation.confirmed_at = timezone.now()
        participation.save(update_fields=["confirmed_at"])
        transaction.on_commit(
            lambda: logger.info("%s confirmed participation %s", by, participation.pk)
        )
    return participation
