"""How this installation ranks statements by meaning, said at start.

Vectors are ranked in NumPy on every database. PostgreSQL servers that offer
the pgvector extension could rank them in the database instead; Convener
detects the extension (`pg_available_extensions`) and says so at start
(`convener serve`, `convener check --database default`, in the operator's
words of `search/management/startup.py`), but does not use it yet
(docs/search.md).
"""

from __future__ import annotations

from django.db import connection


def pgvector_available() -> bool | None:
    """Whether the database server offers pgvector; None on SQLite."""
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'vector'")
        return cursor.fetchone() is not None
