"""The `convener` command as a newcomer uses it, in a process of its own."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.exchange.conftest import VALID_SERIES

CONVENER = Path(sys.executable).with_name("convener")


@pytest.fixture
def fresh_environment(tmp_path):
    env = {**os.environ, "CONVENER_DATA_DIR": str(tmp_path / "data")}
    env.pop("DATABASE_URL", None)  # the embedded database, as on a fresh machine
    env.pop("SECRET_KEY", None)
    return env


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url: str, seconds: float = 180) -> str:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 — localhost
                return response.read().decode()
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def test_demo_load_only_prepares_the_embedded_database(fresh_environment, tmp_path):
    result = subprocess.run(
        [CONVENER, "demo", "--load-only"],
        env=fresh_environment,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )

    assert "Demo series gmg-2016 loaded: 4 meetings" in result.stdout
    assert (tmp_path / "data" / "convener.sqlite3").exists()


def test_demo_serves_the_series_and_prints_where_to_open_it(fresh_environment):
    port = free_port()
    server = subprocess.Popen(
        [CONVENER, "demo", "--port", str(port)],
        env=fresh_environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        meeting = wait_for(f"http://127.0.0.1:{port}/series/gmg-2016/meetings/3/")
        home = wait_for(f"http://127.0.0.1:{port}/")
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=30)

    assert "Conference Room 6" in meeting
    assert "/series/gmg-2016/" in home
    assert f"Convener is running at http://127.0.0.1:{port}/" in output
    assert "sign in as secretariat" in output


def test_demo_builds_the_pdf_a_reader_asks_for_in_its_worker(fresh_environment):
    port = free_port()
    server = subprocess.Popen(
        [CONVENER, "demo", "--port", str(port)],
        env=fresh_environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    documents = f"http://127.0.0.1:{port}/series/gmg-2016/meetings/3/documents"
    try:
        wait_for(f"http://127.0.0.1:{port}/")
        deadline = time.monotonic() + 180
        status = f"{documents}/programme/download/pdf/status"
        while json.loads(wait_for(status))["status"] != "done":
            assert time.monotonic() < deadline, "the demo's worker built nothing"
            time.sleep(0.3)
        with urllib.request.urlopen(f"{documents}/programme.pdf", timeout=30) as response:  # noqa: S310 — localhost
            content = response.read()
    finally:
        server.terminate()
        server.wait(timeout=60)

    assert content.startswith(b"%PDF")


def test_django_management_commands_work_through_convener(fresh_environment):
    result = subprocess.run(
        [CONVENER, "check"], env=fresh_environment, capture_output=True, text=True, timeout=120
    )

    assert result.returncode == 0
    assert "System check identified no issues" in result.stdout


def test_import_of_a_bad_file_exits_non_zero_naming_file_and_line(fresh_environment, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: convener-series\nversion: 1\nseries:\n  slug: Not A Slug\n  title: x\n")

    result = subprocess.run(
        [CONVENER, "import", str(bad)], env=fresh_environment, capture_output=True, text=True
    )

    assert result.returncode == 1
    assert result.stderr.startswith("bad.yaml:4: series.slug: ")


def test_import_into_a_fresh_data_folder_migrates_first(fresh_environment, tmp_path):
    series = tmp_path / "series.yaml"
    series.write_text(VALID_SERIES, encoding="utf-8")

    result = subprocess.run(
        [CONVENER, "import", str(series)],
        env=fresh_environment,
        capture_output=True,
        text=True,
        timeout=300,
    )

    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines()[0] == (
        "Imported series test-series: 1 meetings, 2 programme segments, 3 interventions "
        "in the file."
    )
