"""The differences between two versions of a document, line by line and, inside
a changed line, word by word; for a page to show with <del> and <ins>."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from itertools import groupby
from typing import Literal

Change = Literal["same", "added", "removed", "changed", "skipped"]

_WORDS = re.compile(r"\s+|\w+|[^\w\s]")
# How alike two lines must be (difflib's ratio) to be shown as one changed
# line rather than one removed and one added.
SIMILAR_ENOUGH = 0.6


@dataclass(frozen=True)
class Piece:
    """A run of text in a changed line: kept, added or removed."""

    text: str
    change: Literal["same", "added", "removed"]


@dataclass(frozen=True)
class Line:
    """A line of the comparison. A "skipped" line stands for `skipped`
    unchanged lines that are not shown."""

    change: Change
    pieces: tuple[Piece, ...] = field(default_factory=tuple)
    skipped: int = 0

    @property
    def text(self) -> str:
        return "".join(piece.text for piece in self.pieces)


def compare(old: str, new: str, *, context: int = 2) -> list[Line]:
    """The lines of `new` against those of `old`; unchanged lines further than
    `context` lines from a change are folded into one "skipped" line."""
    old_lines, new_lines = old.splitlines(), new.splitlines()
    matcher = SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    lines: list[Line] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            lines += [Line("same", (Piece(text, "same"),)) for text in old_lines[i1:i2]]
        elif tag == "delete":
            lines += [Line("removed", (Piece(text, "removed"),)) for text in old_lines[i1:i2]]
        elif tag == "insert":
            lines += [Line("added", (Piece(text, "added"),)) for text in new_lines[j1:j2]]
        else:
            lines += _replaced(old_lines[i1:i2], new_lines[j1:j2])
    return _folded(lines, context)


def has_changes(lines: list[Line]) -> bool:
    return any(line.change not in ("same", "skipped") for line in lines)


def _replaced(old_lines: list[str], new_lines: list[str]) -> list[Line]:
    """Lines replaced by others. The most alike pair, if alike enough, is
    compared word by word, and the lines before and after it in the same way;
    lines like none on the other side are removed or added whole."""
    best, pair = SIMILAR_ENOUGH, None
    for i, old in enumerate(old_lines):
        for j, new in enumerate(new_lines):
            matcher = SequenceMatcher(None, old, new, autojunk=False)
            if matcher.real_quick_ratio() > best and matcher.quick_ratio() > best:
                ratio = matcher.ratio()
                if ratio > best:
                    best, pair = ratio, (i, j)
    if pair is None:
        return [Line("removed", (Piece(text, "removed"),)) for text in old_lines] + [
            Line("added", (Piece(text, "added"),)) for text in new_lines
        ]
    i, j = pair
    return [
        *_replaced(old_lines[:i], new_lines[:j]),
        _changed_line(old_lines[i], new_lines[j]),
        *_replaced(old_lines[i + 1 :], new_lines[j + 1 :]),
    ]


def _changed_line(old: str, new: str) -> Line:
    if old == new:
        return Line("same", (Piece(old, "same"),))
    old_words, new_words = _WORDS.findall(old), _WORDS.findall(new)
    matcher = SequenceMatcher(None, old_words, new_words, autojunk=False)
    pieces: list[Piece] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pieces.append(Piece("".join(old_words[i1:i2]), "same"))
            continue
        if i2 > i1:
            pieces.append(Piece("".join(old_words[i1:i2]), "removed"))
        if j2 > j1:
            pieces.append(Piece("".join(new_words[j1:j2]), "added"))
    return Line("changed", tuple(pieces))


def _folded(lines: list[Line], context: int) -> list[Line]:
    changed = [position for position, line in enumerate(lines) if line.change != "same"]
    shown = {
        near for position in changed for near in range(position - context, position + context + 1)
    }
    folded: list[Line] = []
    for far, run in groupby(enumerate(lines), key=lambda item: item[0] not in shown):
        run_lines = [line for _position, line in run]
        if far and len(run_lines) > 1:
            folded.append(Line("skipped", skipped=len(run_lines)))
        else:
            folded += run_lines
    return folded
