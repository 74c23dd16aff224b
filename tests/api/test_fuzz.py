"""The whole API, fuzzed: whatever schemathesis sends, no answer is a server
error, and every answer matches the schema the API publishes (its times of
day included).

It calls the app in-process, on the demo data: reads as the public and as
the secretariat, writes with a token of the secretariat so that they are
exercised beyond their 401. The number of requests it made is printed at
the end of the run.
"""

import re
import time

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error, response_schema_conformance

from convener.api.domain.tokens import create_token
from convener.wsgi import application
from tests.figures import print_figure

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)

# Examples generated per operation, beyond the schema's own examples and the
# boundary cases of schemathesis' coverage phase: the whole run stays well
# under a minute.
EXAMPLES = 20

requests_made = 0


@pytest.fixture(scope="module", autouse=True)
def _report_requests(request):
    started = time.monotonic()
    yield
    print_figure(
        request, f"schemathesis: {requests_made} requests in {time.monotonic() - started:.1f} s"
    )


@pytest.fixture(autouse=True)
def _requests_stay_in_the_tests_transaction():
    """The WSGI handler closes "old" database connections as each request
    starts and ends, which on PostgreSQL would end the transaction the test
    runs in: stop it, as Django's own test client does."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def secretariat(demo_series, demo_user):
    _, secret = create_token(by=demo_user("secretariat"), name="schemathesis")
    return {"Authorization": f"Bearer {secret}"}


@pytest.mark.api_fuzz
@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,  # no .hypothesis folder in the working tree
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_api_never_answers_with_a_server_error_nor_off_its_schema(case, secretariat):
    global requests_made
    requests_made += 1
    # Reads alternate between the public and the secretariat, whose queries
    # differ; writes go as the secretariat, to get past the 401.
    public = case.method == "GET" and requests_made % 2
    case.call_and_validate(
        headers={} if public else secretariat,
        checks=[not_a_server_error, response_schema_conformance],
    )


@pytest.mark.django_db
def test_meeting_times_match_the_pattern_the_schema_declares(client, demo_series):
    declared = client.get("/api/openapi.json").json()["components"]["schemas"]["MeetingOut"]
    starts, ends = (declared["properties"][name]["anyOf"][0] for name in ("start", "end"))

    meetings = client.get("/api/meetings").json()["results"]

    # RFC 3339's `format: time` needs a UTC offset, which local times have not.
    assert "format" not in starts
    assert "format" not in ends
    times = [(meeting["start"], meeting["end"]) for meeting in meetings if meeting["start"]]
    assert times[0] == ("10:00:00", "13:00:00")
    assert all(re.fullmatch(starts["pattern"], start) for start, _ in times)
    assert all(re.fullmatch(ends["pattern"], end) for _, end in times)
