"""libical, the C library of many calendar applications, as a strict reader.

Its restriction check refuses what RFC 5545 does not allow where it stands (a
COMMENT in a VTIMEZONE, a second DTSTART, ...) and says why in X-LIC-ERROR
properties of the parsed calendar. Debian's libical3 provides it; without it
the tests that use it are skipped, except in continuous integration
(CI=true), where they fail.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os

import pytest

LIBRARY = ctypes.util.find_library("ical") or "libical.so.3"


def _library() -> ctypes.CDLL:
    try:
        library = ctypes.CDLL(LIBRARY)
    except OSError:
        message = "libical (Debian package libical3) is not installed"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    library.icalparser_parse_string.restype = ctypes.c_void_p
    library.icalparser_parse_string.argtypes = [ctypes.c_char_p]
    library.icalrestriction_check.argtypes = [ctypes.c_void_p]
    library.icalcomponent_as_ical_string.restype = ctypes.c_char_p
    library.icalcomponent_as_ical_string.argtypes = [ctypes.c_void_p]
    library.icalcomponent_free.argtypes = [ctypes.c_void_p]
    return library


def strict_errors(content: bytes) -> list[str]:
    """What libical's parser and restriction check find wrong with the calendar."""
    library = _library()
    component = library.icalparser_parse_string(content)
    if not component:
        return ["libical could not parse the calendar"]
    try:
        library.icalrestriction_check(component)
        written = library.icalcomponent_as_ical_string(component).decode()
    finally:
        library.icalcomponent_free(component)
    unfolded = written.replace("\r\n ", "").replace("\n ", "")
    return [line for line in unfolded.splitlines() if line.startswith("X-LIC-ERROR")]
