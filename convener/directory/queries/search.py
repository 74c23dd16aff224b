"""Finding people and organisations in the directory while a name is being typed,
and noticing that an entry about to be created is probably there already.

Both ignore case and accents: "pucarinho" finds "Pucariño" and "Jose" finds
"José". The search compares the typed words, folded, with each entry's names
folded once when it is saved (`search_text`, see `directory.folding`): a plain
`contains` that SQLite and PostgreSQL both run, the latter through a trigram
index. Which entries a user may find is the access app's part
(`access.queries.search`). The duplicate check compares whole names in
Python, where difflib forgives a typo.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import Any

from django.db.models import Case, IntegerField, Q, QuerySet, Value, When

from convener.directory.folding import ACRONYM_LINE, FIELD_START, WORD_START, fold, words
from convener.directory.models import Organisation, Person

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


def search_terms(text: str) -> list[str]:
    """The words a search looks for, folded: letters and digits only."""
    return words(text[:MAX_TEXT])[:MAX_TERMS]


def people_matching(people: QuerySet[Person], terms: list[str]) -> QuerySet[Person]:
    """Those of `people` whose name, short form or organisation contains every
    term, with their `rank` (lower is better): a family or given name that
    starts with a term, then a word of the name or short form, then a name
    that has it inside, then the organisation; summed over the terms."""
    for term in terms:
        people = people.filter(
            Q(search_text__contains=term) | Q(organisation__search_text__contains=term)
        )
    return people.annotate(
        rank=sum(
            (
                _rank(
                    Q(search_text__contains=FIELD_START + term),
                    Q(search_text__contains=WORD_START + term),
                    Q(search_text__contains=term),
                )
                for term in terms
            ),
            start=Value(0),
        )
    )


def organisations_matching(
    organisations: QuerySet[Organisation], terms: list[str]
) -> QuerySet[Organisation]:
    """Those of `organisations` whose name or acronym contains every term, with
    their `rank` (lower is better): the acronym itself, then an acronym that
    starts with a term, then a word of the name or acronym, then a name that
    has it inside."""
    for term in terms:
        organisations = organisations.filter(search_text__contains=term)
    exact_acronym = Case(
        When(search_text__endswith=ACRONYM_LINE + " ".join(terms), then=Value(-1)),
        default=Value(0),
        output_field=IntegerField(),
    )
    return organisations.annotate(
        rank=sum(
            (
                _rank(
                    Q(search_text__startswith=FIELD_START + term),
                    Q(search_text__contains=WORD_START + term),
                    Q(search_text__contains=term),
                )
                for term in terms
            ),
            start=exact_acronym,
        )
    )


def _rank(starts: Q, word: Q, inside: Q) -> Case:
    """0 when a field ranked first starts with the term, 1 when a word does,
    2 when a name has it inside a word, 3 when only another field has it."""
    return Case(
        When(starts, then=Value(0)),
        When(word, then=Value(1)),
        When(inside, then=Value(2)),
        default=Value(3),
        output_field=IntegerField(),
    )


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
