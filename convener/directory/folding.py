"""Names as a search compares them: folded to lower case without accents.

"Pucariño" folds to "pucarino" and "José" to "jose", so that a search typed
either way finds both. Each person and organisation keeps its names folded in
`search_text` (written on every save), which a search reads with a plain
`contains`: no per-letter pattern, the same on SQLite and PostgreSQL.

The stored text keeps what ranking needs to know, with two marks that no
name holds (a name is one clean line, `limits.LineField`): a "|" opens each
field a search ranks first when it starts with the typed word (a person's
family and given names, an organisation's acronym), a space opens every
other word, and the characters that start a word inside a name ("Klein-
Solomon", "O'Brien", "(UNHCR)") are spaces. An organisation's text ends with
its acronym folded as it is, after a line break, so that "the acronym is
exactly the typed text" is a plain `endswith`.
"""

from __future__ import annotations

import re
import unicodedata

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
# The characters that start a word inside a name, and the marks of the stored text.
_WORD_STARTS = str.maketrans(dict.fromkeys(" .,'\u2019()/-|\n\t", " "))
FIELD_START = "|"
WORD_START = " "
ACRONYM_LINE = "\n"


def fold(text: str) -> str:
    """`text` in lower case, without accents: "Pucariño" → "pucarino"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return bare.translate(_UNDECOMPOSED)


def words(text: str) -> list[str]:
    """The words of `text`, folded: "Klein-Solomon, Michele" → ["klein", "solomon", "michele"]."""
    return [word for word in _WORD_SEPARATORS.split(fold(text)) if word]


def person_search_text(*, family_name: str, given_name: str, short_name: str) -> str:
    """ "|klein solomon |michele amb  klein solomon": both names open a field."""
    return "".join(
        (
            FIELD_START + _spaced(family_name),
            WORD_START + FIELD_START + _spaced(given_name),
            WORD_START + _spaced(short_name),
        )
    )


def organisation_search_text(*, name: str, acronym: str) -> str:
    """ "|unhcr office of the united nations …\\nunhcr": the acronym opens it."""
    exact = fold(acronym).replace(ACRONYM_LINE, " ")
    return f"{FIELD_START}{_spaced(acronym)}{WORD_START}{_spaced(name)}{ACRONYM_LINE}{exact}"


def _spaced(text: str) -> str:
    return fold(text).translate(_WORD_STARTS)
