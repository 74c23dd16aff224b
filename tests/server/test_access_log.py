"""The access log: one line per request, with its time and the visitor's
address as the trusted proxy reported it."""

import logging
import re

import pytest

pytestmark = pytest.mark.django_db

LINE = re.compile(
    r"^(?P<address>\S+) - \[(?P<time>\d\d/\w{3}/\d{4}:\d\d:\d\d:\d\d [+-]\d{4})\] "
    r'"(?P<request>[^"]*)" (?P<status>\d{3}) (?P<milliseconds>\d+\.\d)ms$'
)


@pytest.fixture
def access_log(caplog):
    """The lines gunicorn's access log receives."""
    caplog.set_level(logging.INFO, logger="gunicorn.access")
    return lambda: [r.getMessage() for r in caplog.records if r.name == "gunicorn.access"]


def test_each_request_is_one_line_with_its_time_visitor_request_and_answer(
    client, settings, access_log
):
    settings.CONVENER_TRUSTED_PROXIES = 1

    response = client.get("/", {"page": 2}, HTTP_X_FORWARDED_FOR="198.51.100.7, 203.0.113.9")

    [line] = access_log()
    fields = LINE.match(line)
    assert fields is not None, line
    assert fields["address"] == "203.0.113.9"
    assert fields["request"] == "GET /?page=2 HTTP/1.1"
    assert fields["status"] == str(response.status_code) == "200"


def test_without_a_trusted_proxy_the_visitor_is_the_connection(client, settings, access_log):
    settings.CONVENER_TRUSTED_PROXIES = 0

    client.get("/no-such-page/", HTTP_X_FORWARDED_FOR="203.0.113.9", REMOTE_ADDR="192.0.2.1")

    [line] = access_log()
    assert LINE.match(line)["address"] == "192.0.2.1"
    assert LINE.match(line)["status"] == "404"


def test_a_line_break_in_the_address_stays_encoded_on_its_line(client, access_log):
    client.get("/series/%0A203.0.113.1 - forged/")

    [line] = access_log()
    assert "\n" not in line
    assert "%0A" in line


def test_load_balancer_probes_are_not_logged(client, access_log):
    client.get("/health/")

    assert access_log() == []
