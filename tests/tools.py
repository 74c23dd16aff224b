"""Programs the tests read documents with (pdftotext, LibreOffice…)."""

import os
import shutil

import pytest


def require(tool: str, *, also_in: str = "") -> str:
    """The path of `tool`, looked for on PATH then in `also_in` (folders joined
    by ":"): missing, it fails the test in CI (CI=true) and skips it elsewhere."""
    path = shutil.which(tool) or (shutil.which(tool, path=also_in) if also_in else None)
    if path is None:
        missing(f"{tool} is not installed (make test installs it when run as root)")
    return path


def missing(message: str) -> None:
    """What the machine lacks for a test: a failure in CI (CI=true), a skip elsewhere."""
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)
