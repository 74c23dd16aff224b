"""Which link addresses Convener stores and shows: the web's and e-mail's only.

An address with another scheme, such as `javascript:` or `data:text/html`,
runs code when someone follows it. Every place that takes an address (a
model field, and so the admin and model forms; the import format; the
Markdown sanitiser) refuses one through `checked_link`, and every place that
writes a link (the `link` template filter, the API, the export, the document
writers) drops it through `followable`, in case it was stored before the
check existed.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

LINK_SCHEMES = frozenset({"http", "https", "mailto"})

# What a browser ignores while reading an address (the WHATWG URL standard):
# leading and trailing C0 controls and spaces, and tabs and newlines anywhere,
# so that "java\tscript:" and " javascript:" are `javascript:` to it.
_IGNORED_AROUND = "".join(chr(code) for code in range(0x21))
_IGNORED_INSIDE = re.compile(r"[\t\n\r]")
# A scheme is whatever comes before the first colon that precedes any /, ? or #.
_SCHEME = re.compile(r"^([^:/?#]*):")


class UnsafeLinkError(ValueError):
    """An address whose scheme is not one a reader may safely follow."""


def checked_link(address: str) -> str:
    """The address without the blanks a browser ignores; raises UnsafeLinkError if its
    scheme is not http, https or mailto. An address without a scheme (`#notes`,
    `/series/`) stays in the site and passes; an empty one stays empty."""
    cleaned = _IGNORED_INSIDE.sub("", address.strip(_IGNORED_AROUND))
    found = _SCHEME.match(cleaned)
    if found and found.group(1).lower() not in LINK_SCHEMES:
        raise UnsafeLinkError(
            f'"{found.group(1)}:" addresses are not allowed; use an http, https or mailto address'
        )
    return cleaned


def followable(address: str | None) -> str | None:
    """The address if a link may point to it, else None: the text then stays unlinked."""
    if not address:
        return None
    try:
        return checked_link(address) or None
    except UnsafeLinkError:
        return None


def validate_link(address: str) -> None:
    """`checked_link` as a Django validator, for model and form fields."""
    try:
        checked_link(address)
    except UnsafeLinkError:
        raise ValidationError(
            _("Only http, https and mailto addresses are allowed."), code="link_scheme"
        ) from None
