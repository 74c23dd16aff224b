"""At start, Convener says how it ranks by meaning, and whether pgvector is there."""

import pytest
from django.db import connection

from convener.search.checks import meaning_engine_check
from convener.search.management.startup import meaning_engine
from convener.search.queries.engine import pgvector_available

pytestmark = pytest.mark.django_db


def test_pgvector_is_looked_for_on_postgresql_only():
    available = pgvector_available()

    if connection.vendor == "postgresql":
        assert isinstance(available, bool)
        assert "pgvector" in meaning_engine()
    else:
        assert available is None
        assert meaning_engine() == "Search by meaning: vectors ranked in NumPy (SQLite)."


def test_the_database_check_reports_the_engine():
    (message,) = meaning_engine_check(None, databases=["default"])

    assert (message.id, message.msg) == ("search.I001", meaning_engine())


def test_the_check_reads_no_database_unless_asked():
    assert meaning_engine_check(None, databases=None) == []
