"""Where the tests find the published schemas of the formats Convener writes.

The schemas are reference data kept beside the checkout, in
`../shared/formats/`, not in the repository: without that folder the tests
that need them are skipped, except in continuous integration (CI=true),
where they fail, so that CI always checks the exports against them.
"""

import os
from pathlib import Path

import pytest

FORMATS = Path(__file__).resolve().parents[2] / ".." / "shared" / "formats"


def shared_formats() -> Path:
    """The folder of the schemas; skips the test (fails it in CI) without it."""
    if not FORMATS.is_dir():
        message = f"the schemas of the formats are not at {FORMATS}"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return FORMATS
