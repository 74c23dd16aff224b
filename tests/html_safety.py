"""Finding markup a user typed that a page would run: scripts and event handlers."""

from __future__ import annotations

import re
from html.parser import HTMLParser

# What the tests type into names and texts.
SCRIPT = "<script>alert('name')</script>"
IMAGE = '<img src="x" onerror="alert(\'image\')">'
LINK = "[a link](javascript:alert('link'))"
HOSTILE = f"{SCRIPT}{IMAGE}"
# Addresses that run code when followed, as attackers spell them to slip past a check.
SCRIPT_ADDRESSES = {
    "javascript": "javascript:alert('address')",
    "mixed case": "JaVaScRiPt:alert('address')",
    "leading space": " javascript:alert('address')",
    "leading control character": "\x01javascript:alert('address')",
    "tab inside": "java\tscript:alert('address')",
    "data html": "data:text/html,<script>alert('address')</script>",
    "vbscript": "vbscript:msgbox('address')",
}
# What a browser drops from an address before it reads the scheme (WHATWG URL).
_BLANKS_AROUND = "".join(chr(code) for code in range(0x21))
_BLANKS_INSIDE = re.compile(r"[\t\n\r]")
_WEB_SCHEMES = {"http", "https", "mailto"}


def runs_code(address: str) -> bool:
    """Whether a browser following the address would reach a scheme other than the web's."""
    seen = _BLANKS_INSIDE.sub("", address.strip(_BLANKS_AROUND))
    # Only letters, digits, +, - and . make a scheme; anything else is a relative address.
    scheme = re.match(r"^([A-Za-z][A-Za-z0-9+.-]*):", seen)
    return scheme is not None and scheme.group(1).lower() not in _WEB_SCHEMES


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
            if name in {"href", "src", "action", "formaction"} and runs_code(value or ""):
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
