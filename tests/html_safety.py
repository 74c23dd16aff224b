"""Finding markup a user typed that a page would run: scripts and event handlers."""

from __future__ import annotations

from html.parser import HTMLParser

# What the tests type into names and texts.
SCRIPT = "<script>alert('name')</script>"
IMAGE = '<img src="x" onerror="alert(\'image\')">'
LINK = "[a link](javascript:alert('link'))"
HOSTILE = f"{SCRIPT}{IMAGE}"


class _Finder(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_script = tag == "script"
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}={value!r}>")
            if name in {"href", "src"} and (value or "").strip().lower().startswith("javascript:"):
                self.found.append(f"<{tag} {name}={value!r}>")

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and "alert(" in data:
            self.found.append(f"<script>{data}</script>")


def unsafe_markup(html: str | bytes) -> list[str]:
    """The scripts and event handlers of the page that came from what a user typed."""
    finder = _Finder()
    finder.feed(html.decode() if isinstance(html, bytes) else html)
    return finder.found
