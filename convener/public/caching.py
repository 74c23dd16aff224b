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

A page missing from the cache (after a change of the data) is rendered once
per process: readers who ask for it meanwhile wait for that rendering and are
served its result, instead of each rendering it again at the same moment and
holding every thread of the process for as long.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import wraps
from threading import Event, Lock
from typing import overload

from django.core.cache import caches
from django.http import HttpRequest, HttpResponse, QueryDict
from django.utils.translation import get_language

from convener.meetings.domain.revision import current_revision

PAGE_LIFETIME = 24 * 3600
# Seconds a reader waits for another's rendering of the same page before
# rendering it too (a rendering that slow is stuck, not busy).
WAIT_FOR_RENDERING = 20

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


# The pages being rendered in this process, by cache key, each with the
# event set when its rendering ends.
_rendering: dict[str, Event] = {}
_rendering_lock = Lock()


def _cached(view: View, parameters: frozenset[str]) -> View:
    @wraps(view)
    def cached_view(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not _cacheable(request):
            return view(request, *args, **kwargs)
        _keep_only(request, parameters)
        key = _cache_key(request, current_revision())
        stored = _stored(key)
        if stored is not None:
            return stored
        with _rendering_lock:
            rendering = _rendering.get(key)
            if rendering is None:
                _rendering[key] = Event()
        if rendering is not None:  # another reader's request renders it
            rendering.wait(WAIT_FOR_RENDERING)
            stored = _stored(key)
            # Not stored if that page was not one to keep (an error, a 404).
            return stored if stored is not None else view(request, *args, **kwargs)
        try:
            return _rendered_and_stored(key, view(request, *args, **kwargs))
        finally:
            with _rendering_lock:
                _rendering.pop(key).set()

    return cached_view


def _stored(key: str) -> HttpResponse | None:
    stored = caches["pages"].get(key)
    if stored is None:
        return None
    content, content_type = stored
    return HttpResponse(content, content_type=content_type)


def _rendered_and_stored(key: str, response: HttpResponse) -> HttpResponse:
    if response.status_code == 200 and not response.streaming:
        if hasattr(response, "render"):
            response.render()
        caches["pages"].set(key, (response.content, response["Content-Type"]), PAGE_LIFETIME)
    return response


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
