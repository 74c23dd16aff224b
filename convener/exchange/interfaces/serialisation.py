"""Writing a series document as text: YAML as a secretariat writes it by hand, and JSON.

`plain` turns the document into plain data in the schema's field order,
leaving out what is at its default and writing TBC where a meeting's date,
times, venue or room are unknown (a room the meeting has none of, listed in
`not_applicable`, is left out). `yaml_text` and `json_text` write that data
so that the importer reads back exactly what was written, whatever the text
holds: both are deterministic, so writing, reading and writing again gives
the same bytes.
"""

from __future__ import annotations

import datetime
import json
import re
from typing import Any

import yaml
from pydantic import BaseModel

from convener.exchange.format.schema import TBC, MeetingEntry

# Written out when unknown, so a reader sees what is still to be confirmed.
_TBC_FIELDS = frozenset({"date", "start", "end", "venue", "room"})

# The Markdown fields, folded onto short lines in YAML as a secretariat writes them.
_PROSE_FIELDS = frozenset(
    {
        "about",
        "acknowledgements",
        "biography",
        "body",
        "description",
        "format_note",
        "funders",
        "introduction",
        "points",
        "purpose",
        "summary",
    }
)


class _Prose(str):
    """Text of a Markdown field: only the YAML writer treats it differently."""

    __slots__ = ()


def _plain_value(value: Any, *, prose: bool = False) -> Any:
    if isinstance(value, BaseModel):
        return plain(value)
    if isinstance(value, list):
        return [_plain_value(item, prose=prose) for item in value]
    if isinstance(value, dict):
        return {key: _plain_value(item, prose=prose) for key, item in value.items()}
    if isinstance(value, datetime.time):
        return value.strftime("%H:%M")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, str):
        # Text typed in a browser ends its lines with CR LF; a file uses LF.
        text = value.replace("\r\n", "\n").replace("\r", "\n")
        return _Prose(text) if prose else text
    return value


def plain(entry: BaseModel) -> dict[str, Any]:
    """The entry as plain data, in the schema's field order, without defaults."""
    data: dict[str, Any] = {}
    for name, field in type(entry).model_fields.items():
        value = getattr(entry, name)
        if isinstance(entry, MeetingEntry) and name in _TBC_FIELDS:
            if name in entry.not_applicable and not value:
                continue  # the meeting has none: not "to be confirmed"
            data[name] = TBC if value is None else _plain_value(value)
        elif field.is_required() or value != field.get_default(call_default_factory=True):
            data[name] = _plain_value(value, prose=name in _PROSE_FIELDS)
    return data


_LINE_WIDTH = 76


class _Dumper(yaml.SafeDumper):
    """Block style as written by hand: indented lists, a value on one line unless it is
    prose, double quotes where quotes are needed."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        return super().increase_indent(flow, False)

    def choose_scalar_style(self) -> str:
        style = super().choose_scalar_style()
        return '"' if style == "'" else style

    # Only prose, in folded blocks, is broken across lines.
    def write_plain(self, text: str, split: bool = True) -> None:
        super().write_plain(text, split=False)

    def write_double_quoted(self, text: str, split: bool = True) -> None:
        super().write_double_quoted(text, split=False)


def _block_style(value: str, *, prose: bool) -> str | None:
    """Paragraphs as a literal block and, for prose, a long sentence folded.

    The emitter falls back to a quoted string where a block cannot hold the
    text exactly. Line breaks other than LF, and a folded text that starts
    with a space, are quoted from the start: PyYAML's blocks lose them.
    """
    if any(other in value for other in ("\x85", "\u2028", "\u2029")):
        return '"'
    if "\n" in value:
        return "|"
    if prose and len(value) > _LINE_WIDTH - 16 and not value[0].isspace():
        return ">"
    return None


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = _block_style(value, prose=False)
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _represent_prose(dumper: yaml.SafeDumper, value: _Prose) -> yaml.ScalarNode:
    style = _block_style(value, prose=True)
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(value), style=style)


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(_Prose, _represent_prose)


def _yaml_dump(data: dict[str, Any]) -> str:
    return yaml.dump(
        data,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=_LINE_WIDTH,
    )


def yaml_text(data: dict[str, Any]) -> str:
    """The data as YAML, a blank line before each top-level list or mapping."""
    chunks: list[str] = []
    for key, value in data.items():
        separator = "\n" if chunks and isinstance(value, dict | list) else ""
        chunks.append(separator + _yaml_dump({key: value}))
    return "".join(chunks)


# Characters JSON leaves as they are but a YAML reader, such as the importer's,
# takes for a line break or refuses: written as escapes, which mean the same.
_NOT_YAML_TEXT = re.compile(
    r"[^\t\n\r\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[\u2028\u2029\ufeff]"
)


def json_text(data: dict[str, Any]) -> str:
    """The data as indented JSON that a YAML reader reads the same."""
    text = json.dumps(data, indent=2, ensure_ascii=False)
    return _NOT_YAML_TEXT.sub(lambda match: f"\\u{ord(match[0]):04x}", text) + "\n"
