"""A person's entry of the directory kept right: name, title, biography.

By the speaker themselves, or by the secretariat of the series that use the
entry (`access.queries.ownership`).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction

from convener.audit.actors import acts
from convener.directory.models import Person
from convener.prose.editing import lock_and_compare

logger = logging.getLogger(__name__)

# What a speaker corrects themselves; their organisation and the gender the
# secretariat records for its statistics stay with the secretariat.
SPEAKER_FIELDS = ("honorific", "given_name", "family_name", "position", "short_name", "biography")


@acts("person.edit", on="person")
def update_speaker_details(
    *,
    person: Person,
    changes: Mapping[str, Any],
    by: AbstractBaseUser,
    started_from: Mapping[str, str] | None = None,
) -> Person:
    """Apply `changes` (field names to texts) to the person and save them.

    Raises ValidationError, keyed by field, and saves nothing if a value breaks
    a rule; `EntrySharedError` (from `@acts`, `access.domain.ownership`) if
    `by` may not change the entry because another series uses it. `started_from`
    maps a field to the digest of its value the editor started from:
    `EditConflictError` if someone saved another value since.
    """
    unknown = set(changes) - set(SPEAKER_FIELDS)
    if unknown:
        raise ValueError(f"update_speaker_details does not change {', '.join(sorted(unknown))}")
    if not changes:
        return person
    lock_and_compare(person, started_from)
    for field, value in changes.items():
        setattr(person, field, value.strip() if field != "biography" else value)
    unchanged = [field.name for field in Person._meta.fields if field.name not in changes]
    person.clean_fields(exclude=unchanged)
    person.save(update_fields=list(changes))
    fields = ", ".join(sorted(changes))
    transaction.on_commit(lambda: logger.info("%s changed %s of %s", by, fields, person.pk))
    return person
