"""The API: its operations, its documentation and the token page, under /api/.

Every answer of the API is JSON, errors included: an address that names no
operation is a 404 and a method an operation lacks a 405, both in the error
shape of `errors`, not Django's HTML pages.
"""

from __future__ import annotations

from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import URLPattern, URLResolver, path, re_path, reverse
from django.views.decorators.http import require_safe
from ninja import NinjaAPI, Swagger

import convener
from convener.api.errors import error_response, install_error_handlers
from convener.api.views import (
    interventions,
    meetings,
    organisations,
    people,
    search,
    series,
    states,
)
from convener.api.views import tokens as token_pages
from convener.api.views.security import READER

Patterns = list[URLPattern | URLResolver]


class ConvenerAPI(NinjaAPI):
    @property
    def urls(self) -> tuple[Patterns, str, str]:
        patterns, app_name, namespace = super().urls
        return (
            [
                path("tokens/", token_pages.tokens, name="tokens"),
                path("tokens/<int:pk>/revoke/", token_pages.revoke, name="revoke_token"),
                *(_json_errors(pattern) for pattern in patterns),
                re_path(r"", self._unknown_address, name="unknown"),
            ],
            app_name,
            namespace,
        )

    def _unknown_address(self, request: HttpRequest) -> HttpResponse:
        return error_response(self, request, 404, "No operation at this address.")


api = ConvenerAPI(
    title="Convener API",
    version=convener.__version__,
    description=(
        "Read the meeting series, meetings, people, organisations, States and the "
        "record of the floor; the secretariat also changes meetings and records "
        "interventions. Reads need no token and then show what the public sees. "
        "Create a personal token at /api/tokens/ and send it as "
        "`Authorization: Bearer <token>`."
    ),
    urls_namespace="api",
    auth=READER,
    docs_decorator=require_safe,
    # Without deep links, an operation's path is no link nested in its button
    # (axe: nested-interactive), which screen readers cannot reach.
    docs=Swagger(settings={"deepLinking": False}),
)
install_error_handlers(api)
for module in (series, meetings, people, organisations, states, interventions, search):
    api.add_router("", module.router)


def _json_errors(pattern: Any) -> Any:
    """The pattern, its view answering 405 in the error shape and its root
    sending a visitor to the documentation."""
    if pattern.name == "api-root":
        pattern.callback = _to_the_docs
        return pattern
    view = pattern.callback

    @wraps(view)
    def answering_405_as_json(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        if response.status_code == 405 and "json" not in response.get("Content-Type", ""):
            allowed = response["Allow"]
            response = error_response(api, request, 405, f"Use one of: {allowed}.")
            response["Allow"] = allowed
        return response

    pattern.callback = answering_405_as_json
    return pattern


def _to_the_docs(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    return HttpResponseRedirect(reverse("api:openapi-view"))
