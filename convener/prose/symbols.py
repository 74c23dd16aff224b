"""UN document symbols: recognising them in text and linking them to the public document.

The grammar follows the UN Library's guide to document symbols: an organ
(`A/`, `S/`, `E/`, `ST/`, treaty bodies), then bodies, session numbers and the
nature of the document (`L.34`, `RES/70/290`, `PV.12`), then suffixes
(`/Add.1`, `/Corr.1`, `/Rev.1`). Resolutions are also cited in prose as
"resolution 70/290", which stands for `A/RES/70/290`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import quote

from django.conf import settings

_ORGANS = r"A|S|E|ST|UNEP|DP|TD|CRC|CCPR|CEDAW|CERD|CAT|CMW|CRPD|ICEF|HRI"
_PART = (
    r"(?:[A-Z]{1,8}(?:\.\d+)?|S-\d+|ES-\d+|\d+(?:\.\d+)?"
    r"|Add\.\d+|Corr\.\d+|Rev\.\d+|Amend\.\d+|Summary)"
)
SYMBOL = re.compile(rf"(?<![\w/.])(?:{_ORGANS})(?:/{_PART})+(?:\s\((?:19|20)\d\d\))?\*?(?![\w/])")
_HAS_NUMBER = re.compile(r"\d")
RESOLUTION_CITATION = re.compile(r"\b(resolution)\s+((?:S-|ES-)?\d{1,2}/\d{1,4})\b", re.IGNORECASE)


def is_symbol(text: str) -> bool:
    """Whether the whole text is a well-formed UN document symbol."""
    return bool(SYMBOL.fullmatch(text)) and bool(_HAS_NUMBER.search(text))


def symbol_url(symbol: str, *, base: str | None = None) -> str:
    """The address of the symbol's document; `base`, when given, saves reading the
    setting again for each of many symbols."""
    return (base or settings.CONVENER_SYMBOL_LINK_BASE) + quote(symbol, safe="/.()-")


def find_symbols(text: str) -> list[tuple[int, int, str]]:
    """Each symbol in the text as (start, end, symbol), resolution citations included."""
    found = [
        (match.start(), match.end(), match.group(0))
        for match in SYMBOL.finditer(text)
        if _HAS_NUMBER.search(match.group(0))
    ]
    for match in RESOLUTION_CITATION.finditer(text):
        number = match.group(2)
        found.append((match.start(2), match.end(2), f"A/RES/{number}"))
    return sorted(found)


def split_at_symbols(text: str) -> Iterator[tuple[str, str | None]]:
    """The text in order, in pieces: `(piece, None)` for plain text, `(piece,
    symbol)` for a UN symbol as written and the symbol it stands for (a
    citation of a resolution stands for `A/RES/…`). Of overlapping matches the
    first counts."""
    position = 0
    for start, end, symbol in find_symbols(text):
        if start < position:
            continue
        if start > position:
            yield text[position:start], None
        yield text[start:end], symbol
        position = end
    if position < len(text):
        yield text[position:], None
