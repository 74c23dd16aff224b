"""The files of deploy/ are what docs/deployment.md installs: each is checked
as far as it can be without the machine it is for."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from convener.config import OPTIONS
from tests.deploy.proxy import main_configuration, program, self_signed_certificate

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
CONVENER = Path(sys.executable).with_name("convener")


def test_every_file_of_deploy_is_named_by_the_deployment_guide():
    guide = (ROOT / "docs" / "deployment.md").read_text()
    files = [
        path.relative_to(ROOT).as_posix()
        for path in DEPLOY.rglob("*")
        if path.is_file() and path.name not in {".gitignore", ".env"} and "certs" not in path.parts
    ]

    assert files
    assert [name for name in files if f"`{name}`" not in guide] == []


def nginx_accepts(site: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """`nginx -t` on a main configuration that includes the site."""
    (tmp_path / "site.conf").write_text(site)
    (tmp_path / "nginx.conf").write_text(main_configuration(tmp_path))
    return subprocess.run(
        [
            program("nginx"),
            *("-t", "-p", str(tmp_path), "-e", str(tmp_path / "error.log")),
            *("-c", str(tmp_path / "nginx.conf")),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_nginx_accepts_the_site(tmp_path):
    self_signed_certificate(tmp_path)
    site = (DEPLOY / "nginx" / "convener.conf").read_text()
    site = site.replace("/etc/letsencrypt/live/meetings.example.org", str(tmp_path))

    result = nginx_accepts(site, tmp_path)

    assert result.returncode == 0, result.stderr
    assert "test is successful" in result.stderr


def test_nginx_site_streams_events_unbuffered_and_keeps_restarting_processes_in_turn():
    site = (DEPLOY / "nginx" / "convener.conf").read_text()
    events = site.split("location ~ ^/([a-z-]+/)?live/.+/events/$ {", 1)[1].split("}", 1)[0]
    upstream = site.split("upstream convener {", 1)[1].split("}", 1)[0]

    assert "proxy_buffering off;" in events
    assert re.findall(r"server (\S+) max_fails=0;", upstream) == [
        "127.0.0.1:8001",
        "127.0.0.1:8002",
    ]
    assert "return 301 https://$host$request_uri;" in site
    assert "alias /var/lib/convener/static/;" in site


def test_nginx_accepts_the_site_of_the_containers(tmp_path):
    self_signed_certificate(tmp_path)
    site = (DEPLOY / "compose" / "nginx.conf").read_text()
    site = site.replace("/etc/nginx/certs", str(tmp_path)).replace("web:8000", "127.0.0.1:8000")

    result = nginx_accepts(site, tmp_path)

    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("unit", ["convener-web@8001.service", "convener-worker.service"])
def test_systemd_accepts_the_units(unit, tmp_path):
    template = unit.replace("@8001", "@")
    text = (DEPLOY / "systemd" / template).read_text()
    # The documented installation puts convener in /opt/convener; here it is the suite's.
    (tmp_path / unit).write_text(text.replace("/opt/convener/bin/convener", str(CONVENER)))

    result = subprocess.run(
        [program("systemd-analyze"), "verify", str(tmp_path / unit)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


def test_units_restart_on_failure_as_the_service_account_with_room_for_streams():
    web = (DEPLOY / "systemd" / "convener-web@.service").read_text()

    assert "User=convener\n" in web
    assert "EnvironmentFile=/etc/convener/convener.env\n" in web
    assert "Restart=on-failure\n" in web
    assert "LimitNOFILE=65536\n" in web
    assert "--bind 127.0.0.1:%i" in web


def test_environment_file_sets_only_documented_settings():
    documented = {option.env for option in OPTIONS}
    lines = (DEPLOY / "systemd" / "convener.env").read_text().splitlines()
    settings = [line.lstrip("# ") for line in lines if re.match(r"#? ?[A-Z_]+=", line)]
    names = {setting.split("=", 1)[0] for setting in settings}

    assert names
    assert names - documented == set()
    assert "CONVENER_DATA_DIR" in names


def test_compose_file_runs_the_five_services_from_files_that_exist():
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text())

    assert set(compose["services"]) == {"postgres", "redis", "web", "worker", "nginx"}
    assert compose["services"]["worker"]["command"] == ["convener", "worker"]
    assert (DEPLOY / compose["x-convener"]["build"]["dockerfile"].removeprefix("deploy/")).exists()
    for volume in compose["services"]["nginx"]["volumes"]:
        source = volume.split(":", 1)[0]
        if source.startswith("./") and "certs" not in source:
            assert (DEPLOY / source).exists(), source


def test_admin_script_is_valid_shell():
    result = subprocess.run(
        ["sh", "-n", str(DEPLOY / "convener-admin")],  # noqa: S607 - the system shell
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )

    assert result.returncode == 0, result.stderr
