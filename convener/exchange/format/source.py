"""Reading a series file while remembering where each value stands in it.

Errors must name the line of the value they concern, so the file is parsed to
YAML nodes first (which carry their position) and converted to plain data
second. JSON is read by the same parser, since JSON is YAML. The positions
are indexed in the same single walk over the nodes that finds duplicate keys,
so that naming the line of any number of errors stays linear in the file.

YAML 1.1's implicit types are narrowed on purpose: `10:00` must stay a time
of day (not the base-60 number 600), `NO` must stay Norway's code (not
false), and `10.10` must stay an SDG target (not the number 10.1). Only
decimal integers, `true`/`false` and null keep their YAML meaning; the
schema converts the rest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

# libyaml's parser where PyYAML was built with it: same nodes, several times faster.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# A whole series with its record is a few hundred kilobytes (the demo, four
# meetings, is 100 KB); 20 MB leaves room for decades of meetings while
# keeping a mistaken or hostile upload from holding a server process.
MAX_FILE_BYTES = 20 * 1024 * 1024

# What a problem concerns when it is the file as a whole rather than a field.
WHOLE_FILE = "(file)"


class _PlainLoader(_BaseLoader):  # type: ignore[valid-type,misc]
    pass


_PlainLoader.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in (
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:int", r"^[-+]?[0-9]+$", list("-+0123456789")),
):
    _PlainLoader.add_implicit_resolver(_tag, re.compile(_pattern), _first)


DataPath = tuple[str | int, ...]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a file, where it is and what it concerns."""

    line: int
    field: str
    message: str
    file: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.message}"


def field_name(path: DataPath) -> str:
    """`("meetings", 1, "date")` → `meetings[1].date`."""
    name = ""
    for step in path:
        name += f"[{step}]" if isinstance(step, int) else (f".{step}" if name else str(step))
    return name or "(document)"


class SourceSyntaxError(Exception):
    """A file that cannot be read as data at all: nothing else in it can be checked."""

    def __init__(self, name: str, line: int, message: str) -> None:
        self.problem = Problem(line=line, field=WHOLE_FILE, message=message, file=name)
        super().__init__(str(self.problem))
        self.name, self.line, self.message = name, line, message


@dataclass(frozen=True)
class Source:
    """A parsed file: its data, where in the file each part of the data stands,
    and the problems found while reading it (keys given twice)."""

    name: str
    data: Any
    lines: dict[DataPath, int]
    problems: list[Problem] = field(default_factory=list)

    def line_of(self, path: DataPath) -> int:
        """The line of the value at `path`, or of the nearest enclosing value that exists."""
        for end in range(len(path), 0, -1):
            line = self.lines.get(path[:end])
            if line is not None:
                return line
        return self.lines.get((), 1)


def _index(root: yaml.Node, name: str) -> tuple[dict[DataPath, int], list[Problem]]:
    """The line of every value by its path, and every key given twice in a mapping.

    A key given twice would silently let the second value win (a second
    `slug` would import over another series), so each one is a problem.
    Iterative, so that deep nesting cannot exhaust the interpreter's stack.
    """
    lines: dict[DataPath, int] = {}
    problems: list[Problem] = []
    seen: set[int] = set()
    pending: list[tuple[DataPath, yaml.Node, int]] = [((), root, 1)]
    while pending:
        path, node, line_of_key = pending.pop()
        if id(node) in seen:
            # An alias: the same node again. Followed, a few nested aliases
            # would make a small file expand to billions of values.
            raise SourceSyntaxError(
                name, line_of_key, "uses an alias (*name): write each value out in full"
            )
        seen.add(id(node))
        lines[path] = node.start_mark.line + 1
        children: list[tuple[DataPath, yaml.Node, int]] = []
        if isinstance(node, yaml.MappingNode):
            first_line: dict[str, int] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    continue  # a list or mapping as a key: the schema refuses it
                key: str = key_node.value
                line = key_node.start_mark.line + 1
                if key in first_line:
                    problems.append(
                        Problem(
                            line=line,
                            field=field_name((*path, key)),
                            message=f'the key "{key}" is given twice in the same mapping '
                            f"(first on line {first_line[key]}): give each field once",
                            file=name,
                        )
                    )
                    continue  # positions stay those of the first, the one reported against
                first_line[key] = line
                children.append(((*path, key), value_node, line))
        elif isinstance(node, yaml.SequenceNode):
            # An alias item's node starts where its anchor does: name the list's line.
            children = [
                ((*path, index), item, lines[path]) for index, item in enumerate(node.value)
            ]
        # Last in, first out: reversed, so the walk meets aliases in the file's order.
        pending.extend(reversed(children))
    return lines, problems


def _line_at(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _check_characters(text: str, name: str) -> None:
    nul = text.find("\x00")
    if nul >= 0:
        raise SourceSyntaxError(
            name, _line_at(text, nul), "contains a NUL byte: a series file is text (YAML or JSON)"
        )


def _check_size(size: int, name: str) -> None:
    if size > MAX_FILE_BYTES:
        raise SourceSyntaxError(
            name,
            1,
            f"is {size / 1024 / 1024:.1f} MB, over the limit of "
            f"{MAX_FILE_BYTES // 1024 // 1024} MB for a series file",
        )


def parse(text: str, name: str) -> Source:
    _check_size(len(text.encode("utf-8", "surrogatepass")), name)
    _check_characters(text, name)
    loader = _PlainLoader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            raise SourceSyntaxError(name, 1, "the file is empty")
        lines, problems = _index(root, name)
        data = loader.construct_document(root)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        raise SourceSyntaxError(name, line, f"not valid YAML: {error.problem}") from error
    except yaml.YAMLError as error:
        # The reader's own errors (a control character) carry an offset, not a mark.
        position = getattr(error, "position", 0) or 0
        reason = getattr(error, "reason", "") or str(error)
        raise SourceSyntaxError(
            name, _line_at(text, position), f"not valid YAML: {reason}"
        ) from error
    finally:
        loader.dispose()
    return Source(name=name, data=data, lines=lines, problems=problems)


def read(path: Path) -> Source:
    _check_size(path.stat().st_size, path.name)
    content = path.read_bytes()
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as error:
        line = content.count(b"\n", 0, error.start) + 1
        raise SourceSyntaxError(
            path.name, line, f"is not UTF-8 text (byte {error.start + 1} cannot be decoded)"
        ) from error
    return parse(text, path.name)
