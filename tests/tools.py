"""Programs the tests read documents with (pdftotext, LibreOffice…)."""

import os
import shutil

import pytest


def require(tool: str) -> str:
    """The path of `tool`: missing, it fails the test in CI (CI=true) and skips it elsewhere."""
    path = shutil.which(tool)
    if path is None:
        message = f"{tool} is not installed (make test installs it when run as root)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path
