"""What a search page shows, for the public page and the workspace's alike."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import QueryDict

from convener.audit.actors import AnyUser
from convener.meetings.queries.visibility import public_reader
from convener.search.interfaces.forms import LAST_PAGE, SearchForm
from convener.search.queries.search import SearchResults, search_statements

PER_PAGE = 20


@dataclass(frozen=True)
class SearchPage:
    form: SearchForm
    results: SearchResults | None  # None: nothing asked yet, or the form is invalid
    page: int = 1

    @property
    def first_shown(self) -> int:
        return (self.page - 1) * PER_PAGE + 1

    @property
    def last_shown(self) -> int:
        return self.first_shown + len(self.results.hits) - 1 if self.results else 0

    @property
    def previous_page(self) -> int | None:
        return self.page - 1 if self.page > 1 else None

    @property
    def next_page(self) -> int | None:
        more = self.results is not None and self.results.total > self.page * PER_PAGE
        return self.page + 1 if more and self.page < LAST_PAGE else None


def search_page(query: QueryDict, *, reader: AnyUser | None) -> SearchPage:
    """The form filled from the address, and the page of hits it asks for, for
    the reader (None: the public, who reads released records only)."""
    form = SearchForm(query if query else None, reader=reader or public_reader())
    if not form.is_bound or not form.is_valid() or not form.cleaned_data["q"].strip():
        return SearchPage(form=form, results=None)
    page = form.cleaned_data["page"] or 1
    results = search_statements(
        form.cleaned_data["q"],
        mode=form.cleaned_data["mode"] or "combined",
        filters=form.filters(),
        reader=reader,
        limit=PER_PAGE,
        offset=(page - 1) * PER_PAGE,
    )
    return SearchPage(form=form, results=results, page=page)


def page_address(query: QueryDict, page: int | None) -> str:
    """The query string of another page of the same search ("" for none)."""
    if page is None:
        return ""
    changed: Any = query.copy()
    changed["page"] = str(page)
    return "?" + changed.urlencode()


def page_context(query: QueryDict, found: SearchPage) -> dict[str, Any]:
    """What the templates `search/form.html` and `search/results.html` read."""
    form = found.form
    return {
        "search": found,
        "filtered": form.is_bound and form.is_valid() and not form.filters().is_empty(),
        "previous_url": page_address(query, found.previous_page),
        "next_url": page_address(query, found.next_page),
    }
