from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.cache import caches
from django.db.backends.base.creation import TEST_DATABASE_PREFIX
from django.utils import translation

from convener.directory.domain.reference_data import load_reference_data, reference_data_loaded
from convener.meetings.models import MeetingStatus
from convener.search.queries.candidates import forget_candidate_lists
from convener.server.demo import load_demo_series
from tests.factories import StaffFactory


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the States and groups of States once for the whole test database."""
    with django_db_blocker.unblock():
        load_reference_data()


# Tests that pass between two clean-ups of the PostgreSQL test database.
VACUUM_EVERY = 100
_tests_since_vacuum = 0


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """Now and then, once a test has rolled its data back, VACUUM the
    PostgreSQL test database.

    Each test's rows are rolled back, but stay in the tables as dead rows
    until a VACUUM, and the statistics go stale with them: the planner then
    estimated directory queries costly enough to compile them first (186 ms
    of JIT for 3 ms of work), and the suite on PostgreSQL ran 45 minutes
    against SQLite's 33. The server of the test command does not vacuum by
    itself (its autovacuum is off, as it may be on any developer's server).
    """
    global _tests_since_vacuum  # one count for the whole run
    yield
    _tests_since_vacuum += 1
    if _tests_since_vacuum >= VACUUM_EVERY and not _data_held_for_a_module():
        _tests_since_vacuum = 0
        vacuum_test_database()


def _data_held_for_a_module() -> bool:
    """Whether a module's data is still in its open transaction (the
    workspace's world of tests/manage): a VACUUM then can clean none of it
    and took 10 to 35 s each time, so it waits for the module's end."""
    from django.db import connection

    return connection.in_atomic_block


def vacuum_test_database() -> None:
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    if not connection.settings_dict["NAME"].startswith(TEST_DATABASE_PREFIX):
        return  # the test database is not set up (no test used it yet)
    import psycopg

    parameters = connection.get_connection_params()
    parameters.pop("cursor_factory", None)
    parameters.pop("context", None)
    with psycopg.connect(**parameters, autocommit=True) as vacuuming:
        vacuuming.execute("VACUUM")


@pytest.fixture
def draining():
    """The process has begun to stop, as a server's `shutdown` announces it."""
    from convener.server import health

    health.start_draining()
    yield
    health.stop_draining()


@pytest.fixture
def reference_data(db):
    """The reference data, reloaded if a transactional test flushed it."""
    if not reference_data_loaded():
        load_reference_data()


@pytest.fixture
def demo_series(reference_data):
    """The 2016 GMG series of the demo, with its secretariat account."""
    return load_demo_series().series


@pytest.fixture
def held_demo_series(demo_series):
    """The demo series with its meetings held: reported, as the demo has them,
    their programme and record are final, so a test that changes them holds them."""
    demo_series.meetings.update(status=MeetingStatus.HELD)
    return demo_series


# WhiteNoise warns, so fails the tests, when `collectstatic`'s folder is missing;
# some test modules build the WSGI application while they are collected, so the
# folder is made here, before any of them is imported.
Path(django_settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)


@pytest.fixture(autouse=True)
def _static_files_by_plain_names(settings):
    """Render pages without `collectstatic`, whose manifest the production storage needs."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _no_page_cached_by_an_earlier_test():
    """Tests roll their data back, so the content revision that keys the page
    cache never moves: without this, a test could be served another's page."""
    caches["pages"].clear()


@pytest.fixture(autouse=True)
def _no_candidates_listed_by_an_earlier_test():
    """The search's lists of readable statements are kept per content revision
    too: a transactional test starts again from revision 0 on another's data."""
    forget_candidate_lists()


@pytest.fixture
def staff_client(client):
    """A test client signed in as a member of the secretariat."""
    client.force_login(StaffFactory())
    return client


@pytest.fixture(autouse=True)
def _english_by_default():
    """A request in another language leaves it active in the thread, where
    `reverse()` would then add its prefix: start every test in English."""
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Real hashing is slow by design; tests check who may sign in, not the hash."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def demo_user(demo_series):
    """The demo account of a role, by user name: demo_user("undp")."""
    from django.contrib.auth import get_user_model

    return lambda username: get_user_model().objects.get(username=username)


@pytest.fixture(autouse=True)
def _tasks_run_where_they_are_queued(settings):
    """Background tasks (document builds) run at once, in the test's thread,
    when they are queued: no worker to start (`tasks_held` keeps them instead;
    tests/server/test_worker.py runs the real worker process)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def tasks_held(settings):
    """Background tasks queued and kept, never run: the list of them."""
    from django_tasks import task_backends

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    return task_backends["default"].results
