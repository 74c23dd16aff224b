"""The language a page is shown in, and where a visitor is sent for theirs.

The address decides what a page shows: `/fr/…` is French for everyone, and
so is a link to it shared with anyone; an address without a prefix is
English. For a request of a page without a prefix, Convener chooses, in
this order:

1. the language the signed-in user set on their account page;
2. the one last chosen with the switcher at the top of a page (Django's
   language cookie, `settings.LANGUAGE_COOKIE_NAME`);
3. the best of the six the browser asks for (`Accept-Language`);
4. the default language of the series the page belongs to;
5. English.

When that language is not English, the request is redirected (302) to the
same page and query in that language. Only a browser opening a page is: a
GET or HEAD that asks for HTML, not an htmx request, a live event stream,
a script's request for data (`Accept: */*`, JSON), a feed reader's, a
POST, nor an address outside the translated pages (the API, the admin,
static files). So those cost no query to choose a language. The redirect
happens before the view, so before the page cache (`public.caching`): a page
cached in English is never served to a reader who is to be sent elsewhere,
and a redirect, which the cache does not keep, is never served to another
reader. Browsers and proxies are told the same by `Vary: Accept,
Accept-Language, Cookie` on every answer to an address without a prefix.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from asgiref.sync import iscoroutinefunction
from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseRedirect
from django.middleware.locale import LocaleMiddleware
from django.urls import LocalePrefixPattern, translate_url
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation.trans_real import language_code_re, parse_accept_lang_header

from convener.access.models import INTERFACE_LANGUAGES
from convener.access.queries.accounts import interface_language_of
from convener.meetings.queries.series import default_language_of

# A page of a series has the series' slug in its address under this name.
SERIES_ROUTE = "series/<slug:slug>/"


def site_language(code: str | None) -> str | None:
    """`code` if it is one of the site's languages as the site spells it, else None."""
    return code if code in INTERFACE_LANGUAGES else None


def browser_language(accept_language: str) -> str | None:
    """The site's language that an Accept-Language header ranks highest, if it names one."""
    for requested, _quality in parse_accept_lang_header(accept_language):
        if requested == "*":
            return None
        if not language_code_re.search(requested):
            continue
        try:
            return translation.get_supported_language_variant(requested)
        except LookupError:
            continue
    return None


def chosen_language(request: HttpRequest, *, series_slug: str | None = None) -> str:
    """The language Convener chooses for the reader of `request` (see the module)."""
    return (
        site_language(interface_language_of(request.user))
        or site_language(request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME))
        or browser_language(request.META.get("HTTP_ACCEPT_LANGUAGE", ""))
        or (site_language(default_language_of(request.user, series_slug)) if series_slug else None)
        or settings.LANGUAGE_CODE
    )


def address_in_language(url: str, language: str) -> str:
    """The same page, query included, in `language`; an address outside the
    translated pages, or one that leads nowhere, as it is."""
    # The address resolves only in its own language: /fr/… while French is active.
    own = translation.get_language_from_path(urlsplit(url).path) or settings.LANGUAGE_CODE
    with translation.override(own):
        return translate_url(url, language)


def remember_language(response: HttpResponseBase, language: str) -> None:
    """Keep the reader's choice in the language cookie, as Django's `set_language` does."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )


class LanguageChoiceMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware (the language of the address), plus the
    redirect of a page without a prefix to the reader's language."""

    def process_view(
        self,
        request: HttpRequest,
        view: Callable[..., Any],
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
    ) -> HttpResponse | None:
        if not _is_unprefixed_read_of_a_translated_page(request):
            return None
        request._answer_depends_on_the_reader = True  # type: ignore[attr-defined]
        if not _is_a_browser_opening_a_page(request, view):
            return None
        match = request.resolver_match
        series_slug = kwargs.get("slug") if match and SERIES_ROUTE in match.route else None
        language = chosen_language(request, series_slug=series_slug)
        if language == settings.LANGUAGE_CODE:
            return None
        here = request.get_full_path()
        there = address_in_language(here, language)
        return HttpResponseRedirect(there) if there != here else None

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        response = super().process_response(request, response)
        if getattr(request, "_answer_depends_on_the_reader", False):
            patch_vary_headers(response, ("Accept", "Accept-Language", "Cookie"))
        return response


def _is_unprefixed_read_of_a_translated_page(request: HttpRequest) -> bool:
    match = request.resolver_match
    return (
        request.method in {"GET", "HEAD"}
        and translation.get_language_from_path(request.path_info) is None
        # One of `i18n_patterns` (urls.py), which exist in every language; the
        # API and the admin do not. The last patterns tried are the ones that
        # matched, outermost first.
        and bool(match and match.tried)
        and isinstance(getattr(match.tried[-1][0], "pattern", None), LocalePrefixPattern)
    )


def _is_a_browser_opening_a_page(request: HttpRequest, view: Callable[..., Any]) -> bool:
    return (
        # A browser's navigation asks for HTML; a script, a feed reader or an
        # event stream (Accept: text/event-stream) asks for something else.
        "text/html" in request.headers.get("Accept", "")
        # htmx swaps a part of the page it was sent from, in that page's language.
        and "HTTP_HX_REQUEST" not in request.META
        # An event stream (an asynchronous view) feeds a page already in its language.
        and not iscoroutinefunction(view)
    )
