"""The order of people in a list of participants: by family name, as UN lists have it.

A family name that opens with particles written in lower case ("van
Oosterom", "de la Cruz", "von der Leyen") is filed under its first capitalised
word: "van Oosterom" under O, after "Lambertini" and before "Plasai". A
particle written with a capital ("Van Buren", "De Gaulle") is part of the name
and files it, as the person writes it. Letters compare without accents or case
(`folding.fold`), so "Gómez" files with "Gomez".
"""

from __future__ import annotations

from typing import Protocol

from convener.directory.folding import fold


class Named(Protocol):
    @property
    def family_name(self) -> str: ...

    @property
    def given_name(self) -> str: ...


def filing_name(family_name: str) -> str:
    """The family name without its leading lower-case particles: "van Oosterom" → "Oosterom".

    A name of particles alone ("da") is filed as written."""
    words = family_name.split()
    first = next((index for index, word in enumerate(words) if not word[0].islower()), 0)
    return " ".join(words[first:])


def family_name_order(person: Named) -> tuple[str, str, str]:
    """A sort key: the filing name, then the given name, then the name as written."""
    return (fold(filing_name(person.family_name)), fold(person.given_name), person.family_name)
