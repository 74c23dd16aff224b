"""The language switcher's choice: remembered, then the same page in that language.

A visitor's choice is a link (GET), so that it works on the cached public
pages and without JavaScript; it sets only the language cookie. A signed-in
user's is a form (POST, with its CSRF token): when their account names a
language, which the cookie cannot override, the choice changes it, as their
account page would.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from convener.access.domain.accounts import choose_interface_language
from convener.access.queries.accounts import interface_language_of
from convener.server.language_choice import address_in_language, remember_language, site_language


@never_cache
@require_http_methods(["GET", "POST"])
def choose_language(request: HttpRequest) -> HttpResponse:
    data = request.POST if request.method == "POST" else request.GET
    language = site_language(data.get("language"))
    if language is None:
        raise Http404("No such language")
    if request.method == "POST" and interface_language_of(request.user):
        choose_interface_language(user=request.user, language=language, by=request.user)
    page = _page_to_return_to(request, data.get("next"))
    response = HttpResponseRedirect(address_in_language(page, language))
    remember_language(response, language)
    return response


def _page_to_return_to(request: HttpRequest, page: str | None) -> str:
    """`page` if it is an address of this site, else the home page."""
    if page and url_has_allowed_host_and_scheme(
        page, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return page
    return reverse("public:home")
