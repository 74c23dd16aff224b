"""Finding people and organisations in the directory while a name is being typed,
and noticing that an entry about to be created is probably there already.

Both ignore case and accents: "pucarinho" finds "Pucariño" and "Jose" finds
"José". The search runs in the database with a regular expression in which
each letter stands for itself and its accented forms, which SQLite (through
the function Django gives it) and PostgreSQL both understand. The duplicate
check compares whole names in Python, where difflib forgives a typo.
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher
from functools import cache
from typing import Any

from django.db.models import (
    BooleanField,
    Case,
    Exists,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Lower

from convener.audit.actors import AnyUser
from convener.directory.models import Organisation, Person
from convener.directory.queries.organisations import visible_organisations
from convener.directory.queries.people import visible_people
from convener.directory.queries.reach import (
    organisations_of_series,
    organisations_within_reach,
    people_of_series,
    people_within_reach,
)
from convener.meetings.models import Series

SEARCH_LIMIT = 10
# A search reads this many characters and words at most: enough for any
# name, and a bound on the size of the query a long paste would build.
MAX_TEXT = 200
MAX_TERMS = 6
DUPLICATE_LIMIT = 5
# Two names this alike (difflib's ratio, 0 to 1) are probably one entry typed
# twice: "ninette kelly" and "ninette kelley" score 0.96; "anna greene" and
# "anne green", two people, 0.86. A false alarm costs a confirmation, a
# missed one a duplicate entry.
DUPLICATE_LIKENESS = 0.88

# Letters that decomposition does not take apart into a base letter and an accent.
_UNDECOMPOSED = str.maketrans(
    {
        "ø": "o",
        "ł": "l",
        "đ": "d",
        "ħ": "h",
        "\u0131": "i",  # dotless i
        "ß": "ss",
        "æ": "ae",
        "œ": "oe",
        "þ": "th",
    }
)
_WORD_SEPARATORS = re.compile(r"[\W_]+")
# The characters that start a word inside a name: "Klein-Solomon", "O'Brien".
_WORD_START = "(^|[ .,'\u2019()/-])"
# Courtesy titles typed as part of a name; periods are dropped before
# comparing, so "H.E." is "he".
HONORIFICS = frozenset(
    {
        "amb",
        "ambassador",
        "dame",
        "dr",
        "excellency",
        "he",
        "hon",
        "madam",
        "miss",
        "mr",
        "mrs",
        "ms",
        "mx",
        "prof",
        "professor",
        "rev",
        "sir",
    }
)


def fold(text: str) -> str:
    """`text` in lower case, without accents: "Pucariño" → "pucarino"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return bare.translate(_UNDECOMPOSED)


def words(text: str) -> list[str]:
    """The words of `text`, folded: "Klein-Solomon, Michele" → ["klein", "solomon", "michele"]."""
    return [word for word in _WORD_SEPARATORS.split(fold(text)) if word]


# Searching as one types


def search_people(
    user: AnyUser, text: str, *, series: Series | None = None, limit: int = SEARCH_LIMIT
) -> list[Person]:
    """The people whose name, short form or organisation contains every word of
    `text`, best first: a family or given name that starts with a word, then
    a word of the name or short form, then a name that has it inside, then
    the organisation.

    For a picker of `series`, the people of that series come first (each
    found person's `in_series` says whether they are of it), and a text with
    no word in it offers them alone, so that a new series is never crowded
    by the people of earlier ones."""
    terms = words(text[:MAX_TEXT])[:MAX_TERMS]
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
    for term in terms:
        people = people.filter(_any_contains(_PERSON_FIELDS, term))
    ranked = people.annotate(
        rank=sum(
            (_rank(term, first=_PERSON_NAMES, then=_PERSON_WORDS) for term in terms),
            start=Value(0),
        )
    )
    return list(
        ranked.order_by("-in_series", "rank", Lower("family_name"), Lower("given_name"))[:limit]
    )


def search_organisations(
    user: AnyUser, text: str, *, series: Series | None = None, limit: int = SEARCH_LIMIT
) -> list[Organisation]:
    """The organisations whose name or acronym contains every word of `text`,
    best first: the acronym itself, then an acronym that starts with it, then
    a word of the name. For a picker of `series`, that series' organisations
    come first."""
    terms = words(text[:MAX_TEXT])[:MAX_TERMS]
    if not terms:
        return []
    own = None if series is None else organisations_of_series(series)
    organisations = (
        _organisations_searchable_by(user).select_related("state").annotate(in_series=_one_of(own))
    )
    for term in terms:
        organisations = organisations.filter(_any_contains(_ORGANISATION_FIELDS, term))
    exact_acronym = Case(
        When(acronym__iregex=f"^{_pattern(' '.join(terms))}$", then=Value(-1)),
        default=Value(0),
        output_field=IntegerField(),
    )
    ranked = organisations.annotate(
        rank=sum(
            (_rank(term, first=("acronym",), then=_ORGANISATION_FIELDS) for term in terms),
            start=exact_acronym,
        )
    )
    return list(ranked.order_by("-in_series", "rank", Lower("name"))[:limit])


def _one_of(own: QuerySet[Any] | None) -> Exists | Value:
    """True for an entry of `own` (the series' entries); False for all without a series."""
    if own is None:
        return Value(False, output_field=BooleanField())
    return Exists(own.filter(pk=OuterRef("pk")))


_PERSON_NAMES = ("family_name", "given_name")
_PERSON_WORDS = ("family_name", "given_name", "short_name")
_PERSON_FIELDS = (*_PERSON_WORDS, "organisation__name", "organisation__acronym")
_ORGANISATION_FIELDS = ("name", "acronym")


def _people_searchable_by(user: AnyUser) -> QuerySet[Person]:
    # Picking a speaker finds the people within the user's reach, the ones
    # they added included; anyone else finds only the people they may read.
    if user.has_perm("directory.search"):
        return people_within_reach(user)
    return visible_people(user)


def _organisations_searchable_by(user: AnyUser) -> QuerySet[Organisation]:
    if user.has_perm("directory.search"):
        return organisations_within_reach(user)
    return visible_organisations(user)


def _any_contains(fields: tuple[str, ...], term: str) -> Q:
    pattern = _pattern(term)
    condition = Q()
    for field in fields:
        condition |= Q(**{f"{field}__iregex": pattern})
    return condition


def _rank(term: str, *, first: tuple[str, ...], then: tuple[str, ...]) -> Case:
    """0 when a field of `first` starts with the term, 1 when a word of a field
    of `then` does, 2 when a field of `then` has it inside a word, 3 when only
    another field has it."""
    pattern = _pattern(term)
    ranks = [
        *(When(**{f"{field}__iregex": f"^{pattern}"}, then=Value(0)) for field in first),
        *(When(**{f"{field}__iregex": f"{_WORD_START}{pattern}"}, then=Value(1)) for field in then),
        *(When(**{f"{field}__iregex": pattern}, then=Value(2)) for field in then),
    ]
    return Case(*ranks, default=Value(3), output_field=IntegerField())


def _pattern(term: str) -> str:
    """A regular expression for `term` (folded) that matches its accented forms.

    The term holds letters, digits and spaces only, none of which is special to
    either database's regular expressions.
    """
    classes = _letter_classes()
    return "".join(classes.get(char, char) for char in term)


@cache
def _letter_classes() -> dict[str, str]:
    """For each letter a to z, a bracket expression of it and every Latin letter
    that folds to it, in both cases: "e" → "[eEèéêë…]"."""
    variants: dict[str, set[str]] = {}
    latin = [*range(0x00C0, 0x0250), *range(0x1E00, 0x1F00)]
    for char in map(chr, latin):
        base = fold(char)
        if len(base) == 1 and "a" <= base <= "z":
            cases = {char, char.lower(), char.upper()}
            variants.setdefault(base, set()).update(c for c in cases if len(c) == 1)
    return {
        base: "[" + base + base.upper() + "".join(sorted(chars - {base, base.upper()})) + "]"
        for base, chars in variants.items()
    }


# Duplicates


def likely_duplicates(
    *, given_name: str, family_name: str, exclude: Person | None = None
) -> list[Person]:
    """People of the directory whose name is probably this one: the same words
    once accents, case, honorifics and hyphens are set aside, in either order,
    or a typo away. Best match first."""
    wanted = _name_key(f"{given_name} {family_name}")
    if not wanted:
        return []
    people = Person.objects.all() if exclude is None else Person.objects.exclude(pk=exclude.pk)
    scores: dict[int, float] = {}
    for pk, given, family in people.values_list("pk", "given_name", "family_name"):
        score = max(
            _likeness(wanted, _name_key(f"{given} {family}")),
            _likeness(wanted, _name_key(f"{family} {given}")),
        )
        if score >= DUPLICATE_LIKENESS:
            scores[pk] = score
    return _best(Person.objects.select_related("organisation"), scores)


def likely_duplicate_organisations(*, name: str, acronym: str = "") -> list[Organisation]:
    """Organisations that are probably this one: a name a typo away (accents,
    case, punctuation and a leading "the" set aside), or the same acronym."""
    wanted = _organisation_key(name)
    acronyms = {key for key in (_organisation_key(acronym), wanted) if key}
    if not wanted and not acronyms:
        return []
    scores: dict[int, float] = {}
    for pk, other_name, other_acronym in Organisation.objects.values_list("pk", "name", "acronym"):
        score = _likeness(wanted, _organisation_key(other_name)) if wanted else 0.0
        if _organisation_key(other_acronym) in acronyms:
            score = 1.0
        if score >= DUPLICATE_LIKENESS:
            scores[pk] = score
    return _best(Organisation.objects.select_related("state"), scores)


def _name_key(name: str) -> str:
    without_periods = fold(name).replace(".", "").replace("'", "").replace("\u2019", "")
    return " ".join(word for word in words(without_periods) if word not in HONORIFICS)


def _organisation_key(name: str) -> str:
    found = words(name.replace(".", ""))
    if found[:1] == ["the"]:
        found = found[1:]
    return " ".join(found)


def _likeness(one: str, other: str) -> float:
    if not other:
        return 0.0
    matcher = SequenceMatcher(None, one, other, autojunk=False)
    # The quick upper bounds rule out most of the directory cheaply.
    if matcher.real_quick_ratio() < DUPLICATE_LIKENESS:
        return 0.0
    if matcher.quick_ratio() < DUPLICATE_LIKENESS:
        return 0.0
    return matcher.ratio()


def _best(rows: QuerySet[Any], scores: dict[int, float]) -> list[Any]:
    best = sorted(scores, key=lambda pk: -scores[pk])[:DUPLICATE_LIMIT]
    found = rows.in_bulk(best)
    return [found[pk] for pk in best]
