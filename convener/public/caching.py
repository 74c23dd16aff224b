"""A cache of rendered public pages, kept in each worker's memory.

A public page is the same for every anonymous reader of a language until the
data changes, so it is rendered once per (revision, language, address) and then
served from memory.

Readers who are signed in see the drafts they help prepare, and their own
controls (their account, the language form). A page that opts in
(`also_signed_in=True`) is shared by every signed-in reader who reads the same
drafts: it is rendered once per (drafts read, revision, language, address)
for a reader without an account who reads exactly those drafts
(`reader_of_the_same_drafts`), so that nothing of one user's own can enter
the shared copy, with each of the reader's own parts left as a mark
(`{% reader_part %}` in base.html); each request fills the marks in for its
reader. Those copies are keyed apart from the public's: a draft never reaches
an anonymous reader, nor the public copy a reader of drafts.

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

import secrets
from collections.abc import Callable, Iterable
from functools import wraps
from threading import Event, Lock
from typing import overload

from django.core.cache import caches
from django.http import HttpRequest, HttpResponse, QueryDict
from django.template.loader import render_to_string
from django.utils.translation import get_language

from convener.meetings.domain.revision import current_revision
from convener.meetings.queries.visibility import drafts_read_key, reader_of_the_same_drafts

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


def _cache_key(request: HttpRequest, revision: int, *, drafts: str | None = None) -> str:
    # Scheme and host included: calendars and schedules hold absolute links,
    # which must be those of the address the reader asked. The path is the
    # decoded one, so that spellings of one address share one copy. The
    # copies for readers of drafts have a prefix of their own.
    query = request.META["QUERY_STRING"]
    prefix = "page" if drafts is None else f"page-for-drafts-of-{drafts}"
    address = request.build_absolute_uri(request.path)
    return f"{prefix}:{revision}:{get_language()}:{address}?{query}"


# Marks where a reader's own part goes in a shared copy. Random for each
# process, whose memory holds the copies: no text written on a page can forge one.
_MARK = f"\x00{secrets.token_hex(16)}\x00"


class ReaderParts:
    """The reader's own parts of a page rendered for several readers: each part
    is left as a mark, and its template named, for each request to fill in."""

    def __init__(self) -> None:
        self.templates: list[str] = []

    def mark(self, template_name: str) -> str:
        self.templates.append(template_name)
        return f"{_MARK}{len(self.templates) - 1}{_MARK}"


def reader_parts_of(request: HttpRequest | None) -> ReaderParts | None:
    """The parts to leave as marks, when the page is rendered to be shared."""
    return getattr(request, "convener_reader_parts", None)


SharedCopy = tuple[tuple[str, ...], tuple[str, ...], str]


def _render_shared(view: View, request: HttpRequest, *args, **kwargs) -> HttpResponse | SharedCopy:
    """The page as the reader of the same drafts sees it, its reader's parts left
    as marks: (the text between the marks, the parts' templates, content type);
    or the view's own response if it is not a page to share (not found, a redirect)."""
    user, parts = request.user, ReaderParts()
    request.user = reader_of_the_same_drafts(user)  # type: ignore[assignment]
    request.convener_reader_parts = parts  # type: ignore[attr-defined]
    try:
        response = view(request, *args, **kwargs)
        if hasattr(response, "render"):
            response.render()
    finally:
        request.user = user
        del request.convener_reader_parts  # type: ignore[attr-defined]
    if response.streaming:
        return response
    pieces = response.content.decode(response.charset).split(_MARK)
    texts, indexes = tuple(pieces[0::2]), pieces[1::2]
    templates = tuple(parts.templates[int(index)] for index in indexes)
    if response.status_code != 200:
        response.content = _fill((texts, templates, ""), request)
        return response
    return texts, templates, response["Content-Type"]


def _fill(copy: SharedCopy, request: HttpRequest) -> str:
    """The shared copy with its marks filled in for this request's reader."""
    texts, templates, _ = copy
    filled = [texts[0]]
    for template_name, text in zip(templates, texts[1:], strict=True):
        filled.append(render_to_string(template_name, request=request))
        filled.append(text)
    return "".join(filled)


def _shared_with_readers_of_the_same_drafts(
    view: View, request: HttpRequest, *args, **kwargs
) -> HttpResponse:
    pages = caches["pages"]
    key = _cache_key(request, current_revision(), drafts=drafts_read_key(request.user))

    def served() -> HttpResponse | None:
        copy = pages.get(key)
        return None if copy is None else HttpResponse(_fill(copy, request), content_type=copy[2])

    def rendered() -> HttpResponse:
        copy = _render_shared(view, request, *args, **kwargs)
        if isinstance(copy, HttpResponse):
            return copy
        pages.set(key, copy, PAGE_LIFETIME)
        return HttpResponse(_fill(copy, request), content_type=copy[2])

    return _once(key, served, rendered)


# The pages being rendered in this process, by cache key, each with the
# event set when its rendering ends.
_rendering: dict[str, Event] = {}
_rendering_lock = Lock()


def _once(
    key: str, served: Callable[[], HttpResponse | None], rendered: Callable[[], HttpResponse]
) -> HttpResponse:
    """The copy kept under `key`, or the page rendered by this request. Readers
    who ask for it while another request of the process renders it wait for
    that rendering and are served what it kept, rather than each rendering it."""
    response = served()
    if response is not None:
        return response
    with _rendering_lock:
        rendering = _rendering.get(key)
        if rendering is None:
            _rendering[key] = Event()
    if rendering is not None:
        rendering.wait(WAIT_FOR_RENDERING)
        # Nothing kept if that page was not one to keep (an error, a 404).
        response = served()
        return response if response is not None else rendered()
    try:
        return rendered()
    finally:
        with _rendering_lock:
            _rendering.pop(key).set()


def _cached(view: View, parameters: frozenset[str], *, also_signed_in: bool = False) -> View:
    @wraps(view)
    def cached_view(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        signed_in = request.user.is_authenticated
        if request.method not in {"GET", "HEAD"} or (signed_in and not also_signed_in):
            return view(request, *args, **kwargs)
        _keep_only(request, parameters)
        if signed_in:
            return _shared_with_readers_of_the_same_drafts(view, request, *args, **kwargs)
        key = _cache_key(request, current_revision())

        def rendered() -> HttpResponse:
            return _rendered_and_stored(key, view(request, *args, **kwargs))

        return _once(key, lambda: _stored(key), rendered)

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
def cache_public_page(
    *, reads: Iterable[str] = (), also_signed_in: bool = False
) -> Callable[[View], View]: ...
def cache_public_page(
    view: View | None = None, *, reads: Iterable[str] = (), also_signed_in: bool = False
) -> View | Callable[[View], View]:
    """Serve a public page from the cache: `@cache_public_page` for a page that
    reads no query parameter, `@cache_public_page(reads=["old", "new"])` for
    one that reads those. With `also_signed_in=True` signed-in readers share
    copies too, one per set of drafts read: for a page whose view reads the
    user only to know which drafts to show, and changes nothing."""
    parameters = frozenset(reads)
    if view is None:
        return lambda view: _cached(view, parameters, also_signed_in=also_signed_in)
    return _cached(view, parameters)
