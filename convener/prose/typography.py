"""The typography of a finished document: curly quotes, dashes, and spaces that do not break.

Every writer of documents (PDF, Word, web page, Markdown) prints text through
`finished_pieces`, so that a report reads the same in each: "quotes" become
“quotes”, `--` an en dash and `---` an em dash, a hyphen standing between
spaces an en dash, `...` an ellipsis; a day and its month ("20 September")
and an acronym in brackets and the word before it ("Women (UN Women)") are
held together by non-breaking spaces. The records are never changed: the
text is finished on its way into a file.

Quotes, dashes and ellipses are SmartyPants's (the `smartypants` package).
It reads HTML, so the pieces are handed to it escaped, each after a tag of
its own: a tag carries the context of the quotes from one piece to the next
(a quote that opens a bold run closes in the plain run after it), and
escaped text holds no `<` to open a tag of its own. Code, and web addresses
within the text, are handed over inside `<code>`, which SmartyPants leaves
as it is. Each of its rules, and each rule here, is one pass of a regular
expression without nested repetition: the time is linear in the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape, unescape

import smartypants

_SMARTYPANTS = smartypants.Attr.q | smartypants.Attr.D | smartypants.Attr.e | smartypants.Attr.u
_PIECE = "<x>"  # what opens each piece in the text given to SmartyPants
_VERBATIM = ("<code>", "</code>")
_EDUCATED = re.compile(r"['\"]|--|\.\.\.|\. \. \.")  # what SmartyPants changes
_ADDRESS = re.compile(r"(?:https?://|mailto:|www\.)\S+", re.IGNORECASE)

NO_BREAK_SPACE = "\u00a0"
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DAY_AND_MONTH = re.compile(rf"\b(\d{{1,2}}) (?=(?:{_MONTHS})\b)")
# An acronym in brackets: one to three words, the first with two capitals at
# least ("(UNHCR)", "(UN Women)", "(G77)" does not: one capital).
_ACRONYM_IN_BRACKETS = re.compile(
    r"(?<=\S) \(([A-Z][A-Za-z0-9&.\-]{0,15}[A-Z][A-Za-z0-9&.\-]{0,15}"
    r"(?: [A-Z][A-Za-z0-9&.\-]{0,20}){0,2})\)"
)
_SPACED_HYPHEN = re.compile(r"(?<=\S) - (?=\S)")


def finished_text(text: str) -> str:
    """One text finished: `finished_pieces` of a single piece."""
    return finished_pieces([(text, False)])[0]


def finished_pieces(pieces: Sequence[tuple[str, bool]]) -> list[str]:
    """Consecutive pieces of one passage finished, each as `(text, verbatim)`;
    verbatim pieces (code) come back as they are. Finished text comes back the
    same when finished again."""
    if not any(_EDUCATED.search(text) for text, verbatim in pieces if not verbatim):
        return [text if verbatim else _spaced(text) for text, verbatim in pieces]
    marked = "".join(_PIECE + _marked(text, verbatim=verbatim) for text, verbatim in pieces)
    educated = smartypants.smartypants(marked, _SMARTYPANTS)
    return [_unmarked(piece) for piece in educated.split(_PIECE)[1:]]


def _marked(text: str, *, verbatim: bool) -> str:
    """The text escaped for SmartyPants, with what it must leave alone in <code>.

    A backslash is escaped too: SmartyPants reads `\\"` as a quote to keep
    straight, and would drop the backslash."""
    if verbatim:
        return _VERBATIM[0] + _escaped(text) + _VERBATIM[1]
    parts: list[str] = []
    position = 0
    for address in _ADDRESS.finditer(text):
        parts.append(_escaped(text[position : address.start()]))
        parts.append(_VERBATIM[0] + _escaped(address.group()) + _VERBATIM[1])
        position = address.end()
    parts.append(_escaped(text[position:]))
    return "".join(parts)


def _escaped(text: str) -> str:
    return escape(text, quote=False).replace("\\", "&#92;")


def _unmarked(piece: str) -> str:
    """A piece as SmartyPants gave it back, with its spaces set and its escapes undone."""
    parts = piece.split(_VERBATIM[0])
    finished = [_spaced(parts[0])]
    for part in parts[1:]:
        verbatim, _end, rest = part.partition(_VERBATIM[1])
        finished += [verbatim, _spaced(rest)]
    return unescape("".join(finished))


def _spaced(text: str) -> str:
    if " " not in text:
        return text
    text = _DAY_AND_MONTH.sub(rf"\1{NO_BREAK_SPACE}", text)
    text = _ACRONYM_IN_BRACKETS.sub(_acronym_held, text)
    return _SPACED_HYPHEN.sub(" \u2013 ", text)


def _acronym_held(match: re.Match[str]) -> str:
    return f"{NO_BREAK_SPACE}({match.group(1).replace(' ', NO_BREAK_SPACE)})"
