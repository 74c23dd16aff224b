"""Reading a series file while remembering where each value stands in it.

Errors must name the line of the value they concern, so the file is parsed to
YAML nodes first (which carry their position) and converted to plain data
second. JSON is read by the same parser, since JSON is YAML.

YAML 1.1's implicit types are narrowed on purpose: `10:00` must stay a time
of day (not the base-60 number 600), `NO` must stay Norway's code (not
false), and `10.10` must stay an SDG target (not the number 10.1). Only
decimal integers, `true`/`false` and null keep their YAML meaning; the
schema converts the rest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

# libyaml's parser where PyYAML was built with it: same nodes, several times faster.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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


class SourceSyntaxError(Exception):
    def __init__(self, name: str, line: int, message: str) -> None:
        super().__init__(f"{name}:{line}: {message}")
        self.name, self.line, self.message = name, line, message


@dataclass(frozen=True)
class Source:
    """A parsed file: its data, and where in the file each part of the data stands."""

    name: str
    data: Any
    root: yaml.Node

    def line_of(self, path: DataPath) -> int:
        """The line of the value at `path`, or of the nearest enclosing value that exists."""
        node = self.root
        for step in path:
            child = _child(node, step)
            if child is None:
                break
            node = child
        return node.start_mark.line + 1


def _child(node: yaml.Node, step: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if key_node.value == step:
                return value_node
    if isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
        return node.value[step]
    return None


def parse(text: str, name: str) -> Source:
    loader = _PlainLoader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            raise SourceSyntaxError(name, 1, "the file is empty")
        data = loader.construct_document(root)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        raise SourceSyntaxError(name, line, f"not valid YAML: {error.problem}") from error
    finally:
        loader.dispose()
    return Source(name=name, data=data, root=root)


def read(path: Path) -> Source:
    try:
        text = path.read_text("utf-8")
    except UnicodeDecodeError as error:
        raise SourceSyntaxError(path.name, 1, "the file is not UTF-8 text") from error
    return parse(text, path.name)
