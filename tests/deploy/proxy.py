"""nginx with the site of deploy/, run in front of the test servers.

The site is the installed one (`deploy/nginx/convener.conf`), with what a
machine of its own would differ by: the ports it listens on and forwards to,
a self-signed certificate, the folder of static files.
"""

from __future__ import annotations

import os
import re
import socket
import ssl
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.live.conftest import free_port
from tests.tools import require

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
START_SECONDS = 30


def program(name: str) -> str:
    """The path of a system program, also where /usr/sbin is not on PATH."""
    return require(name, also_in="/usr/sbin:/sbin")


def self_signed_certificate(folder: Path) -> None:
    subprocess.run(
        [
            program("openssl"),
            *("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"),
            *("-subj", "/CN=meetings.example.org"),
            *("-keyout", str(folder / "privkey.pem"), "-out", str(folder / "fullchain.pem")),
        ],
        capture_output=True,
        check=True,
        timeout=60,
    )


def main_configuration(folder: Path) -> str:
    """nginx.conf around the site: every file nginx writes in `folder`."""
    # nginx started as root serves as `nobody`, who may not enter the test's folder.
    user = "user root;\n" if os.geteuid() == 0 else ""
    temporary = "".join(
        f"    {kind}_temp_path {folder}/{kind};\n"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return (
        f"{user}pid {folder}/nginx.pid;\n"
        f"error_log {folder}/error.log warn;\n"
        "events {}\n"
        "http {\n"
        "    include /etc/nginx/mime.types;\n"
        f"    access_log {folder}/access.log;\n"
        f"{temporary}"
        f"    include {folder}/site.conf;\n"
        "}\n"
    )


def site_in_front_of(ports: list[int], folder: Path, *, http: int, https: int) -> str:
    """The installed site, forwarding to `ports` instead of 8001 and 8002."""
    site = (DEPLOY / "nginx" / "convener.conf").read_text()
    upstreams = re.findall(r"server 127\.0\.0\.1:(\d+) ", site)
    assert len(upstreams) == len(ports), upstreams
    for documented, port in zip(upstreams, ports, strict=True):
        site = site.replace(f"127.0.0.1:{documented} ", f"127.0.0.1:{port} ")
    site = site.replace("/etc/letsencrypt/live/meetings.example.org", str(folder))
    site = site.replace("/var/lib/convener/static/", f"{folder}/static/")
    site = site.replace("    listen [::]:80;\n", "").replace("    listen [::]:443 ssl;\n", "")
    site = site.replace("listen 80;", f"listen 127.0.0.1:{http};")
    return site.replace("listen 443 ssl;", f"listen 127.0.0.1:{https} ssl;")


@dataclass(frozen=True)
class Proxy:
    url: str  # https://127.0.0.1:<port>, no trailing slash
    context: ssl.SSLContext  # trusts the proxy's certificate
    folder: Path


@contextmanager
def nginx_in_front_of(ports: list[int], folder: Path) -> Iterator[Proxy]:
    """nginx serving the site on a free port of 127.0.0.1, until the block ends."""
    self_signed_certificate(folder)
    (folder / "static").mkdir()
    http, https = free_port(), free_port()
    (folder / "site.conf").write_text(site_in_front_of(ports, folder, http=http, https=https))
    (folder / "nginx.conf").write_text(main_configuration(folder))
    process = subprocess.Popen(
        [
            program("nginx"),
            *("-p", str(folder), "-e", str(folder / "error.log")),
            *("-c", str(folder / "nginx.conf"), "-g", "daemon off;"),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,  # nginx writes its errors to error.log
    )
    try:
        _wait_until_listening(https, process, folder / "error.log")
        context = ssl.create_default_context(cafile=folder / "fullchain.pem")
        context.check_hostname = False  # the certificate names meetings.example.org
        yield Proxy(url=f"https://127.0.0.1:{https}", context=context, folder=folder)
    finally:
        process.terminate()
        process.wait(timeout=30)


def _wait_until_listening(port: int, process: subprocess.Popen, error_log: Path) -> None:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline and process.poll() is None:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    errors = error_log.read_text() if error_log.exists() else ""
    raise AssertionError(f"nginx did not start: {errors}")
