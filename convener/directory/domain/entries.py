"""Adding people and organisations to the directory, which every series shares.

A new entry whose name is probably in the directory already (see
`queries.search.likely_duplicates`) is refused with `LikelyDuplicateError`, which
lists the candidates; the caller creates it anyway only when the user has
confirmed it is someone else (`despite_duplicates=True`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext as _

from convener.audit.actors import acts
from convener.directory.domain.keys import free_key
from convener.directory.models import Gender, Organisation, OrganisationKind, Person, State
from convener.directory.queries.search import likely_duplicate_organisations, likely_duplicates

logger = logging.getLogger(__name__)

Entry = TypeVar("Entry", Person, Organisation)

# The kinds of organisation that speak for a State.
STATE_KINDS = frozenset({OrganisationKind.PERMANENT_MISSION, OrganisationKind.GOVERNMENT})
# Attempts at a free key when someone else takes the same one at the same moment.
_KEY_ATTEMPTS = 5


class LikelyDuplicateError(ValidationError):
    """The directory probably holds this entry already; `candidates` are the entries."""

    def __init__(self, candidates: Sequence[Person] | Sequence[Organisation]) -> None:
        super().__init__(
            {
                NON_FIELD_ERRORS: [
                    ValidationError(
                        _("The directory probably has this entry already."),
                        code="likely_duplicate",
                    )
                ]
            }
        )
        self.candidates = list(candidates)


# Whoever may add an entry to the directory; the new entry is on no object yet.
ADD_ENTRY = "directory.add_entry"


@acts(ADD_ENTRY, on=None)
def create_person(
    *,
    given_name: str,
    family_name: str,
    honorific: str = "",
    position: str = "",
    organisation: Organisation | None = None,
    gender: str = "",
    short_name: str = "",
    despite_duplicates: bool = False,
    by: AbstractBaseUser,
) -> Person:
    """A new person in the directory, with a key made from their name."""
    person = Person(
        honorific=honorific.strip(),
        given_name=given_name.strip(),
        family_name=family_name.strip(),
        position=position.strip(),
        organisation=organisation,
        gender=gender,
        short_name=short_name.strip(),
    )
    _add(
        person,
        name=person.full_name,
        noun="person",
        breaches=_person_breaches,
        duplicates=lambda: likely_duplicates(
            given_name=person.given_name, family_name=person.family_name
        ),
        despite_duplicates=despite_duplicates,
        by=by,
    )
    return person


@acts(ADD_ENTRY, on=None)
def create_organisation(
    *,
    name: str,
    kind: str,
    acronym: str = "",
    article: bool | None = None,
    state: State | None = None,
    website: str = "",
    despite_duplicates: bool = False,
    by: AbstractBaseUser,
) -> Organisation:
    """A new organisation in the directory, with a key made from its name.

    `article`: whether its name takes "the" in a sentence; None leaves it to
    the form of the name."""
    organisation = Organisation(
        name=name.strip(),
        acronym=acronym.strip(),
        kind=kind,
        article=article,
        state=state,
        website=website.strip(),
    )
    _add(
        organisation,
        name=organisation.name,
        noun="organisation",
        breaches=_organisation_breaches,
        duplicates=lambda: likely_duplicate_organisations(
            name=organisation.name, acronym=organisation.acronym
        ),
        despite_duplicates=despite_duplicates,
        by=by,
    )
    return organisation


def _add(
    entry: Entry,
    *,
    name: str,
    noun: str,
    breaches: Callable[[Entry], list[tuple[str, str]]],
    duplicates: Callable[[], Sequence[Entry]],
    despite_duplicates: bool,
    by: AbstractBaseUser,
) -> None:
    """Check the new entry, refuse it while it is probably in the directory
    already, and save it under a key made from `name` (from `noun` when the
    name has no letter to make one from)."""
    _check(entry, breaches(entry))
    if not despite_duplicates:
        candidates = duplicates()
        if candidates:
            raise LikelyDuplicateError(candidates)
    _save_with_free_key(entry, name, fallback=noun)
    transaction.on_commit(lambda: logger.info("%s added %s %s", by, noun, entry.key))


def _check(entry: models.Model, breaches: list[tuple[str, str]]) -> None:
    errors: dict[str, Any] = {}
    try:
        # The key is made after the checks; the links are checked by the rules.
        entry.clean_fields(exclude=["key", "organisation", "state"])
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    for field, message in breaches:
        errors.setdefault(field, []).append(ValidationError(message))
    if errors:
        raise ValidationError(errors)


def _person_breaches(person: Person) -> list[tuple[str, str]]:
    breaches = []
    if person.gender and person.gender not in Gender.values:
        breaches.append(("gender", _("Choose a gender from the list, or leave it empty.")))
    if person.organisation is not None and person.organisation.pk is None:
        breaches.append(("organisation", _("Choose an organisation of the directory.")))
    return breaches


def _organisation_breaches(organisation: Organisation) -> list[tuple[str, str]]:
    if organisation.state is not None and organisation.kind not in STATE_KINDS:
        return [("state", _("Only a permanent mission or a government represents a State."))]
    if organisation.state is None and organisation.kind in STATE_KINDS:
        return [("state", _("Name the State this organisation represents."))]
    return []


def _save_with_free_key(entry: Entry, name: str, *, fallback: str) -> None:
    """Save `entry` under the first free key made from `name`: "ninette-kelley", "…-2"…

    The database's unique index is the judge: when someone else takes the same
    key between the look-up and the insert, the next one is tried.
    """
    model = type(entry)
    max_length = model._meta.get_field("key").max_length or 80
    for _attempt in range(_KEY_ATTEMPTS):
        entry.key = free_key(
            name,
            taken=lambda key: model._default_manager.filter(key=key).exists(),
            fallback=fallback,
            max_length=max_length,
        )
        try:
            with transaction.atomic():
                entry.save()
        except IntegrityError:
            continue
        return
    raise IntegrityError(f"no free key for {name!r} after {_KEY_ATTEMPTS} attempts")
