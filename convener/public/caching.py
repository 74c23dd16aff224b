"""A cache of rendered public pages, kept in each worker's memory.

A public page is the same for every anonymous reader of a language until the
data changes, so it is rendered once per (revision, language, address) and then
served from memory. Readers who are signed in see drafts and their own
controls, so their pages are never cached.

The address in the key holds only the query parameters the page reads, as
its view declares them: any other parameter would add a copy of the same
page, and junk query strings would fill the workers' memory. The view, and
the links its page holds, see only those parameters too, so that a page is
the same whatever else the first reader's address carried.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import wraps
from typing import overload

from django.core.cache import caches
from django.http import HttpRequest, HttpResponse, QueryDict
from django.utils.translation import get_language

from convener.meetings.domain.revision import current_revision

PAGE_LIFETIME = 24 * 3600

View = Callable[..., HttpResponse]


def _keep_only(request: HttpRequest, parameters: frozenset[str]) -> None:
    """Drop from the request every query parameter the page does not read."""
    kept = QueryDict(mutable=True)
    for name in sorted(parameters & request.GET.keys()):
        kept.setlist(name, request.GET.getlist(name))
    query = kept.urlencode()
    request.META["QUERY_STRING"] = query
    request.GET = QueryDict(query)  # immutable, as Django makes it


def _cache_key(request: HttpRequest, revision: int) -> str:
    # Scheme and host included: calendars and schedules hold absolute links,
    # which must be those of the address the reader asked. The path is the
    # decoded one, so that spellings of one address share one copy.
    query = request.META["QUERY_STRING"]
    return f"page:{revision}:{get_language()}:{request.build_absolute_uri(request.path)}?{query}"


def _cacheable(request: HttpRequest) -> bool:
    return request.method in {"GET", "HEAD"} and not request.user.is_authenticated


def _cached(view: View, parameters: frozenset[str]) -> View:
    @wraps(view)
    def cached_view(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not _cacheable(request):
            return view(request, *args, **kwargs)
        _keep_only(request, parameters)
        pages = caches["pages"]
        key = _cache_key(request, current_revision())
        stored = pages.get(key)
        if stored is not None:
            content, content_type = stored
            return HttpResponse(content, content_type=content_type)
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming:
            if hasattr(response, "render"):
                response.render()
            pages.set(key, (response.content, response["Content-Type"]), PAGE_LIFETIME)
        return response

    return cached_view


@overload
def cache_public_page(view: View) -> View: ...
@overload
def cache_public_page(*, reads: Iterable[str]) -> Callable[[View], View]: ...
def cache_public_page(
    view: View | None = None, *, reads: Iterable[str] = ()
) -> View | Callable[[View], View]:
    """Serve a public page from the cache: `@cache_public_page` for a page that
    reads no query parameter, `@cache_public_page(reads=["old", "new"])` for
    one that reads those."""
    parameters = frozenset(reads)
    if view is None:
        return lambda view: _cached(view, parameters)
    return _cached(view, parameters)
