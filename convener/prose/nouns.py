"""The nouns Convener counts in words, with their grammatical gender in each
UN language, so that a number agrees with the noun it counts.

The gender belongs to the word each catalogue uses for the noun ("État
Membre" is masculine, "государство-член" neuter, "دولة عضو" feminine): when a
translation changes the word, its gender here changes with it. English and
Chinese numbers have no gender; Chinese puts the classifier (个, 场) in the
catalogue's sentence.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType


class Gender(StrEnum):
    MASCULINE = "masculine"
    FEMININE = "feminine"
    NEUTER = "neuter"


@dataclass(frozen=True)
class CountedNoun:
    """A noun as the catalogues word it (for the reader) and its gender, by language."""

    words: Mapping[str, str]
    genders: Mapping[str, Gender]

    def gender(self, language: str) -> Gender:
        """The gender of the noun in `language`; masculine where the language has none."""
        return self.genders.get(language, Gender.MASCULINE)


def _noun(**by_language: tuple[str, Gender | None]) -> CountedNoun:
    return CountedNoun(
        words=MappingProxyType({lang: word for lang, (word, _) in by_language.items()}),
        genders=MappingProxyType(
            {lang: gender for lang, (_, gender) in by_language.items() if gender is not None}
        ),
    )


# "Seven Member States took the floor" (participation sentence).
MEMBER_STATE = _noun(
    en=("Member State", None),
    fr=("État Membre", Gender.MASCULINE),
    es=("Estado Miembro", Gender.MASCULINE),
    ru=("государство-член", Gender.NEUTER),
    ar=("دولة عضو", Gender.FEMININE),
    zh=("会员国", None),
)

# "The meeting had three panels" (report).
PANEL = _noun(
    en=("panel", None),
    fr=("réunion-débat", Gender.FEMININE),
    es=("panel", Gender.MASCULINE),
    ru=("дискуссионная группа", Gender.FEMININE),
    ar=("حلقة نقاش", Gender.FEMININE),
    zh=("小组讨论", None),
)

COUNTED_NOUNS = MappingProxyType({"member_state": MEMBER_STATE, "panel": PANEL})
