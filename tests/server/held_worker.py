"""`convener worker` whose document builds stop half-way and wait there for
ever: tests/server/test_worker.py kills it in the middle of a build.

Run as `python tests/server/held_worker.py` in a server's environment.
"""

import threading

import django

django.setup()

from convener.cli import main  # noqa: E402 — Django is set up first
from convener.publishing.domain import builds  # noqa: E402


def compose_never_finishing(**_reader):
    threading.Event().wait()


builds.compose = compose_never_finishing
main(["convener", "worker"])
