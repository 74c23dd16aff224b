"""Text that keeps its own direction inside a page of the other direction.

In a right-to-left page the Unicode bidirectional algorithm orders a run of
neutral characters by what surrounds it: "10:00–13:00" reads "13:00–10:00",
"Amb. van Oosterom." shows its full stop before the name, "A/70/59, Add.1"
may come apart. Each such run is isolated (HTML's `<bdi>`): laid out on its
own, then placed in the sentence as one piece.

- `isolated`: the run takes the direction of its first letter: names, titles,
  rooms, dates in words ("13 يوليو 2016" stays right to left, "13 July 2016"
  left to right), and a run with no letter at all, which is left to right.
- `left_to_right`: always left to right, whatever it holds: a time range
  that may end in a word ("10:00–TBC"), a clock, a UN symbol, an e-mail
  address.
"""

from __future__ import annotations

import re

from django.utils.html import format_html
from django.utils.safestring import SafeString


def isolated(text: object) -> SafeString | str:
    """The text (escaped unless already safe) in a `<bdi>` of its own direction; "" stays ""."""
    if text is None or text == "":
        return ""
    return format_html("<bdi>{}</bdi>", text)


def left_to_right(text: object) -> SafeString | str:
    """The text (escaped unless already safe) isolated, left to right; "" stays ""."""
    if text is None or text == "":
        return ""
    return format_html('<bdi dir="ltr">{}</bdi>', text)


# A run of Latin letters and digits, with the spaces and punctuation between
# them: "10:00–13:00", "A/70/59", "Panel 1: Migration, Refugees". It starts and
# ends with a letter or digit (or a closing bracket), so that the punctuation
# ending an Arabic sentence stays in it. Linear: no match can fail once started.
_LATIN = "0-9A-Za-z\u00c0-\u024f"
_LEFT_TO_RIGHT_RUN = re.compile(
    rf"[{_LATIN}](?:[{_LATIN}\s:/.,;'\u2019()\[\]&%+\-–—]*[{_LATIN})\]])?"
)


def left_to_right_pieces(text: str) -> list[tuple[str, bool]]:
    """The text cut into pieces, each with whether it is a run that keeps its
    left-to-right order inside right-to-left text (Latin words, digits, times,
    UN symbols); the other pieces follow the text's direction."""
    pieces: list[tuple[str, bool]] = []
    position = 0
    for match in _LEFT_TO_RIGHT_RUN.finditer(text):
        if match.start() > position:
            pieces.append((text[position : match.start()], False))
        pieces.append((match.group(), True))
        position = match.end()
    if position < len(text):
        pieces.append((text[position:], False))
    return pieces
