"""Finding people and organisations as one types, among those the user may find.

Picking a speaker finds the people within the user's reach, the ones they
added included (`access.queries.reach`); anyone else finds only the people
they may read (`records.queries.appearances`). For a picker of a series, that
series' own entries come first. The matching and ranking of names is the
directory's (`directory.queries.search`).
"""

from __future__ import annotations

from typing import Any

from django.db.models import BooleanField, Exists, F, OuterRef, QuerySet, Value
from django.db.models.functions import Lower

from convener.access.queries.reach import organisations_within_reach, people_within_reach
from convener.audit.actors import AnyUser
from convener.directory.models import Organisation, Person
from convener.directory.queries.search import organisations_matching, people_matching, search_terms
from convener.meetings.models import Series
from convener.records.queries.appearances import (
    organisations_of_series,
    people_of_series,
    visible_organisations,
    visible_people,
)

SEARCH_LIMIT = 10
# The series' own entries first, then the best ranked (`directory.queries.search`).
_SERIES_FIRST = (F("in_series").desc(), F("rank"))


def search_people(
    user: AnyUser, text: str, *, series: Series | None = None, limit: int = SEARCH_LIMIT
) -> list[Person]:
    """The people whose name, short form or organisation contains every word of
    `text`, best first (`directory.queries.search.people_matching`).

    For a picker of `series`, the people of that series come first (each
    found person's `in_series` says whether they are of it), and a text with
    no word in it offers them alone, so that a new series is never crowded
    by the people of earlier ones."""
    terms = search_terms(text)
    people = (
        _people_searchable_by(user)
        .select_related("organisation")
        .annotate(in_series=_one_of(None if series is None else people_of_series(series)))
    )
    if not terms:
        if series is None:
            return []
        own = people.filter(in_series=True)
        return list(own.order_by(Lower("family_name"), Lower("given_name"))[:limit])
    ranked = people_matching(people, terms)
    return list(ranked.order_by(*_SERIES_FIRST, Lower("family_name"), Lower("given_name"))[:limit])


def search_organisations(
    user: AnyUser, text: str, *, series: Series | None = None, limit: int = SEARCH_LIMIT
) -> list[Organisation]:
    """The organisations whose name or acronym contains every word of `text`,
    best first (`directory.queries.search.organisations_matching`). For a
    picker of `series`, that series' organisations come first."""
    terms = search_terms(text)
    if not terms:
        return []
    own = None if series is None else organisations_of_series(series)
    organisations = (
        _organisations_searchable_by(user).select_related("state").annotate(in_series=_one_of(own))
    )
    ranked = organisations_matching(organisations, terms)
    return list(ranked.order_by(*_SERIES_FIRST, Lower("name"))[:limit])


def _one_of(own: QuerySet[Any] | None) -> Exists | Value:
    """True for an entry of `own` (the series' entries); False for all without a series."""
    if own is None:
        return Value(False, output_field=BooleanField())
    return Exists(own.filter(pk=OuterRef("pk")))


def _people_searchable_by(user: AnyUser) -> QuerySet[Person]:
    if user.has_perm("directory.search"):
        return people_within_reach(user)
    return visible_people(user)


def _organisations_searchable_by(user: AnyUser) -> QuerySet[Organisation]:
    if user.has_perm("directory.search"):
        return organisations_within_reach(user)
    return visible_organisations(user)
