"""Finds user-facing words that are not marked for translation.

Templates: the text a reader sees and the attributes a screen reader or a
tooltip speaks, outside `{% translate %}` and `{% blocktranslate %}`.
Python: string literals given where Django shows them to a user (labels,
help texts, messages, validation errors) without `gettext`.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from django.template.base import DebugLexer, TokenType

SPOKEN_ATTRIBUTES = {"alt", "title", "placeholder", "aria-label", "aria-description"}
WORD = re.compile(r"[^\W\d_]{2,}")
# Names the interface shows in every language as they are.
PROPER_NAMES = {
    "Convener",
    "XML",
    "JSON",
    "PDF",
    "Word",
    "Markdown",
    "API",
    "iCalendar",
    "UN",
    "PNG",
    "JPEG",
    "SVG",
    "DejaVu",
    "Serif",
    "Sans",  # file formats and typefaces
}


@dataclass(frozen=True)
class Unmarked:
    where: str
    line: int
    text: str

    def __str__(self) -> str:
        return f"{self.where}:{self.line}: {self.text!r}"


def _has_words(text: str) -> bool:
    return any(word not in PROPER_NAMES for word in WORD.findall(text))


class _VisibleText(HTMLParser):
    """Collects text nodes and spoken attributes, skipping scripts and styles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str]] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"script", "style"}:
            self._hidden += 1
        for name, value in attrs:
            if name in SPOKEN_ATTRIBUTES and value and _has_words(value):
                self.found.append((self.getpos()[0], value))

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style"} and self._hidden:
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden and _has_words(data):
            self.found.append((self.getpos()[0], data.strip()))


OPENS_UNTRANSLATED = {
    "comment": "endcomment",
    "blocktranslate": "endblocktranslate",
    "blocktrans": "endblocktrans",
    "verbatim": "endverbatim",
}


def _markup_without_translations(source: str) -> str:
    """The template's own markup and words: tags, variables and translated
    blocks are left out (their line breaks kept, for line numbers)."""
    parts: list[str] = []
    closing = ""
    for token in DebugLexer(source).tokenize():
        start, end = token.position
        raw = source[start:end]
        if token.token_type == TokenType.BLOCK:
            name = token.contents.split()[0] if token.contents.split() else ""
            if closing:
                if name == closing:
                    closing = ""
            elif name in OPENS_UNTRANSLATED:
                closing = OPENS_UNTRANSLATED[name]
            parts.append("\n" * raw.count("\n"))
        elif token.token_type == TokenType.TEXT and not closing:
            parts.append(raw)
        else:
            parts.append("\n" * raw.count("\n"))
    return "".join(parts)


def unmarked_in_template(path: Path, root: Path) -> list[Unmarked]:
    parser = _VisibleText()
    parser.feed(_markup_without_translations(path.read_text()))
    parser.close()
    where = str(path.relative_to(root))
    return [Unmarked(where, line, text) for line, text in parser.found]


# Keyword arguments whose value Django shows to a user.
SHOWN_KEYWORDS = {
    "label",
    "help_text",
    "verbose_name",
    "verbose_name_plural",
    "empty_label",
    "placeholder",
    "aria-label",
    "title",
}
# Calls whose message argument a user reads: its position among the arguments.
SHOWN_ARGUMENTS = {"ValidationError": 0, "success": 1, "info": 1, "warning": 1, "error": 1}
TRANSLATORS = {
    "_",
    "gettext",
    "gettext_lazy",
    "ngettext",
    "ngettext_lazy",
    "pgettext",
    "pgettext_lazy",
    "npgettext",
    "format_lazy",
}


def _called_name(node: ast.Call) -> str:
    function = node.func
    if isinstance(function, ast.Attribute):
        return function.attr
    return function.id if isinstance(function, ast.Name) else ""


def _literal_words(node: ast.AST | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str) and _has_words(node.value):
        return node.value
    if isinstance(node, ast.JoinedStr):
        text = "".join(
            part.value
            for part in node.values
            if isinstance(part, ast.Constant) and isinstance(part.value, str)
        )
        return text if _has_words(text) else None
    return None


class _ShownLiterals(ast.NodeVisitor):
    def __init__(self) -> None:
        self.found: list[tuple[int, str]] = []

    def _check(self, node: ast.AST | None) -> None:
        text = _literal_words(node)
        if text is not None and node is not None:
            self.found.append((node.lineno, text))  # type: ignore[attr-defined]

    def visit_Call(self, node: ast.Call) -> None:
        name = _called_name(node)
        if name not in TRANSLATORS:
            for keyword in node.keywords:
                if keyword.arg in SHOWN_KEYWORDS:
                    self._check(keyword.value)
            position = SHOWN_ARGUMENTS.get(name)
            if position is not None and len(node.args) > position:
                self._check(node.args[position])
        self.generic_visit(node)

    def visit_Dict(self, node: ast.Dict) -> None:
        for key, value in zip(node.keys, node.values, strict=True):
            if isinstance(key, ast.Constant) and key.value in SHOWN_KEYWORDS:
                self._check(value)
        self.generic_visit(node)

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        if any("Choices" in ast.unparse(base) for base in node.bases):
            for statement in node.body:
                value = getattr(statement, "value", None)
                if isinstance(statement, ast.Assign) and isinstance(value, ast.Tuple):
                    self._check(value.elts[-1])
        self.generic_visit(node)


def unmarked_in_python(path: Path, root: Path) -> list[Unmarked]:
    finder = _ShownLiterals()
    finder.visit(ast.parse(path.read_text(), filename=str(path)))
    where = str(path.relative_to(root))
    return [Unmarked(where, line, text) for line, text in finder.found]


SENTENCE = re.compile(r"^[A-Z][^\n]*\b\w+ \w+ \w+\b[^\n]*[.?!]$")
# Words for developers and operators, in English as Django's own are: the
# API's schema descriptions, settings' help and command-line help.
DEVELOPER_KEYWORDS = {"description", "help", "summary"}
LOGGING = {"debug", "info", "warning", "error", "exception", "critical"}
# A programmer's mistake, or a request Django refuses with its 400 page and
# logs: never shown to a user.
PROGRAMMING_ERRORS = {
    "ValueError",
    "TypeError",
    "AssertionError",
    "NotImplementedError",
    "SuspiciousOperation",
    "TooManyFilesSent",
    "TooManyFieldsSent",
    "RequestDataTooBig",
}


class _Sentences(ast.NodeVisitor):
    """Sentences a user reads, written as plain literals."""

    def __init__(self) -> None:
        self.found: list[tuple[int, str]] = []
        self._exempt = 0

    def visit_Expr(self, node: ast.Expr) -> None:
        if not isinstance(node.value, ast.Constant):  # a docstring says nothing to users
            self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        function = node.func
        logging = (
            isinstance(function, ast.Attribute)
            and function.attr in LOGGING
            and ("log" in ast.unparse(function.value))
        )
        exempt = _called_name(node) in TRANSLATORS | PROGRAMMING_ERRORS or logging
        self._exempt += exempt
        for argument in node.args:
            self.visit(argument)
        for keyword in node.keywords:
            if keyword.arg not in DEVELOPER_KEYWORDS:
                self.visit(keyword.value)
        self._exempt -= exempt

    def visit_Constant(self, node: ast.Constant) -> None:
        if not self._exempt and isinstance(node.value, str) and SENTENCE.match(node.value):
            self.found.append((node.lineno, node.value))


def sentences_in_python(path: Path, root: Path) -> list[Unmarked]:
    finder = _Sentences()
    finder.visit(ast.parse(path.read_text(), filename=str(path)))
    where = str(path.relative_to(root))
    return [Unmarked(where, line, text) for line, text in finder.found]


def unmarked_in_module(path: Path, root: Path) -> list[Unmarked]:
    """Both checks of a Python module, each literal named once."""
    found = {*unmarked_in_python(path, root), *sentences_in_python(path, root)}
    return sorted(found, key=lambda unmarked: unmarked.line)
