"""What search says at start, to whoever runs Convener (not translated: the
operator's log, like the commands' help)."""

from __future__ import annotations

from convener.search.queries.engine import pgvector_available


def meaning_engine() -> str:
    """One line for the start-up log: how statements are ranked by meaning."""
    available = pgvector_available()
    if available is None:
        return "Search by meaning: vectors ranked in NumPy (SQLite)."
    if available:
        return (
            "Search by meaning: vectors ranked in NumPy; pgvector is available on this "
            "PostgreSQL server but not used (docs/search.md)."
        )
    return "Search by meaning: vectors ranked in NumPy (no pgvector on this PostgreSQL server)."
