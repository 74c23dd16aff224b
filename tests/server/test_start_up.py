"""What a server process holds once it has loaded Convener, before any request.

Each check runs in a process of its own: the test process has long since
imported everything the other tests use.
"""

import json
import os
import subprocess
import sys


def run_in_fresh_process(code: str) -> dict:
    """Run `code` in a new interpreter with Django's settings; it prints a JSON object."""
    completed = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "convener.settings"},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(completed.stdout.strip().splitlines()[-1])


def test_the_loaded_application_is_frozen_out_of_garbage_collections():
    loaded = run_in_fresh_process(
        "import gc, json\n"
        "from convener.server.gunicorn import ConvenerServer\n"
        "application = ConvenerServer({}).load()\n"
        "print(json.dumps({'frozen': gc.get_freeze_count(), 'tracked': len(gc.get_objects())}))\n"
    )

    assert loaded["frozen"] > 50_000
    assert loaded["tracked"] < loaded["frozen"] / 10
