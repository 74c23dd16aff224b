"""A write that finds SQLite locked for longer than its busy timeout answers
503 with Retry-After instead of a server error."""

import sqlite3

import pytest
from django.db.utils import ConnectionHandler
from django.http import HttpResponse
from django.urls import path
from pytest_django.asserts import assertContains

import convener.urls

pytestmark = pytest.mark.django_db

# A database of the test's own, so that the lock is a real SQLite file lock
# whatever database the suite runs on.
scratch = {}


def write(request):
    with scratch["connection"].cursor() as cursor:
        cursor.execute("INSERT INTO probe VALUES (1)")
    return HttpResponse("written")


# The project's own addresses too: the 503 page links them.
urlpatterns = [path("write/", write), *convener.urls.urlpatterns]


@pytest.fixture
def locked_database(tmp_path, settings):
    settings.ROOT_URLCONF = __name__
    name = str(tmp_path / "scratch.sqlite3")
    holder = sqlite3.connect(name, isolation_level=None)
    holder.execute("PRAGMA journal_mode=WAL")
    holder.execute("CREATE TABLE probe (x)")
    # A short busy timeout: the writer gives up at once instead of after 5 s.
    handler = ConnectionHandler(
        {
            "default": {
                "ENGINE": "django.db.backends.sqlite3",
                "NAME": name,
                "OPTIONS": {"timeout": 0.05},
            }
        }
    )
    scratch["connection"] = handler["default"]
    holder.execute("BEGIN IMMEDIATE")  # another process holds the write lock
    yield holder
    holder.execute("ROLLBACK")
    holder.close()
    scratch.pop("connection").close()


def test_write_behind_a_long_lock_answers_503_with_retry_after(client, locked_database):
    response = client.get("/write/")

    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assertContains(response, "Convener is busy", status_code=503)


def test_write_after_the_lock_is_released_goes_through(client, locked_database):
    locked_database.execute("COMMIT")
    locked_database.execute("BEGIN")  # the fixture's rollback needs a transaction

    assertContains(client.get("/write/"), "written")
