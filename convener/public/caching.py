"""A cache of rendered public pages, kept in each worker's memory.

A public page is the same for every anonymous reader of a language until the
data changes, so it is rendered once per (revision, language, address) and then
served from memory. Readers who are signed in see drafts and their own
controls, so their pages are never cached.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.core.cache import caches
from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language

from convener.meetings.domain.revision import current_revision

PAGE_LIFETIME = 24 * 3600


def _cache_key(request: HttpRequest, revision: int) -> str:
    # The whole address, scheme and host included: calendars and schedules
    # hold absolute links, which must be those of the address the reader asked.
    return f"page:{revision}:{get_language()}:{request.build_absolute_uri()}"


def _cacheable(request: HttpRequest) -> bool:
    return request.method in {"GET", "HEAD"} and not request.user.is_authenticated


def cache_public_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    def cached_view(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not _cacheable(request):
            return view(request, *args, **kwargs)
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
