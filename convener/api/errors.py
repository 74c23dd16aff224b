"""One shape for every error the API answers with:

    {"error": {"code": "not_found", "message": "…", "details": null}}

`details`, where there are any, lists what was wrong with which parameter or
field. Bad parameters (path, query) are 400; a well-formed body that breaks a
rule is 422.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

from django.conf import settings
from django.core.exceptions import (
    NON_FIELD_ERRORS,
    ObjectDoesNotExist,
    PermissionDenied,
    RequestDataTooBig,
)
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from ninja import Field, Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from convener.meetings.models import Meeting
from convener.server.database_busy import RETRY_AFTER_SECONDS, busy_log, database_busy

if TYPE_CHECKING:
    from ninja import NinjaAPI

logger = logging.getLogger(__name__)

M = TypeVar("M", bound=Model)

# The error code of each status the API answers with.
CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "payload_too_large",
    422: "validation_error",
    429: "too_many_requests",
    500: "server_error",
    503: "busy",
}


# A write that does not say which version of the record it started from.
IF_MATCH_MISSING = (
    "Send the version you started from in If-Match: the `version` of the record "
    "as you read it (GET it first)."
)


class ErrorDetail(Schema):
    location: str | None = None  # path, query, header or body
    field: str | None = None  # dotted for nested fields: points.2
    message: str


class ErrorBody(Schema):
    code: str
    message: str
    details: list[ErrorDetail] | None = None


class ErrorResponse(Schema):
    error: ErrorBody


class ConflictBody(ErrorBody):
    stored: dict[str, Any] = Field(description="The record as stored now, as a GET shows it.")
    sent: dict[str, Any] = Field(description="The changes you sent, none of them saved.")
    version: str = Field(description="The version now stored: send it in If-Match to retry.")


class ConflictResponse(Schema):
    error: ConflictBody


def error_responses(*statuses: int) -> dict[int, type[ErrorResponse] | type[ConflictResponse]]:
    """The `response` entries that document an operation's errors in the schema."""
    return {status: ConflictResponse if status == 409 else ErrorResponse for status in statuses}


class ApiError(Exception):
    status = 400
    # What the error's body holds beside code, message and details.
    extra: dict[str, Any] | None = None

    def __init__(self, message: str, *, details: list[dict[str, Any]] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details


class NotFoundError(ApiError):
    status = 404


class ForbiddenError(ApiError):
    status = 403


class InvalidParametersError(ApiError):
    status = 400


class InvalidDataError(ApiError):
    status = 422


class ConflictError(ApiError):
    """A write made on an older version of the record than the one stored."""

    status = 409

    def __init__(
        self, message: str, *, stored: dict[str, Any], sent: dict[str, Any], version: str
    ) -> None:
        super().__init__(message)
        self.extra = {"stored": stored, "sent": sent, "version": version}


def get_or_404(queryset: QuerySet[M], message: str, **lookup: Any) -> M:
    """The one row of `queryset` matching `lookup`: a row the user may not read is not found."""
    try:
        return queryset.get(**lookup)
    except ObjectDoesNotExist as missing:
        raise NotFoundError(message) from missing


def meeting_or_404(meetings: QuerySet[Meeting], series: str, number: int) -> Meeting:
    """The meeting of a series by its number, from the meetings the user may read."""
    return get_or_404(
        meetings,
        f"No meeting {number} in series “{series}”.",
        series__slug=series,
        number=number,
    )


@contextmanager
def rules_as_invalid_data(fields: Mapping[str, str] | None = None) -> Iterator[None]:
    """Turn a domain function's ValidationError into a 422, its model field
    names into the API's (`fields` maps the ones that differ)."""
    try:
        yield
    except DjangoValidationError as error:
        names = fields or {}
        by_field = error.message_dict if hasattr(error, "error_dict") else {"": error.messages}
        details = [
            {
                "location": "body",
                "field": None if name in {NON_FIELD_ERRORS, ""} else names.get(name, name),
                "message": message,
            }
            for name, messages in by_field.items()
            for message in messages
        ]
        raise InvalidDataError("The data breaks a rule.", details=details) from error


def error_response(
    api: NinjaAPI,
    request: HttpRequest,
    status: int,
    message: str,
    details: list[dict[str, Any]] | None = None,
    extra: dict[str, Any] | None = None,
) -> HttpResponse:
    body = {"code": CODES.get(status, "error"), "message": message, "details": details}
    return api.create_response(request, {"error": body | (extra or {})}, status=status)


def install_error_handlers(api: NinjaAPI) -> None:
    def api_error(request: HttpRequest, error: ApiError) -> HttpResponse:
        return error_response(
            api, request, error.status, error.message, error.details, extra=error.extra
        )

    def not_found(request: HttpRequest, error: Exception) -> HttpResponse:
        return error_response(api, request, 404, "Not found.")

    def invalid(request: HttpRequest, error: NinjaValidationError) -> HttpResponse:
        details = [_detail(item) for item in error.errors]
        if all(detail["location"] == "body" for detail in details):
            return error_response(api, request, 422, "The data is invalid.", details)
        return error_response(api, request, 400, "The parameters are invalid.", details)

    def unauthenticated(request: HttpRequest, error: AuthenticationError) -> HttpResponse:
        message = error.message
        if message == "Unauthorized":  # ninja's own, when no credentials came
            message = "Send a token: Authorization: Bearer <token>."
        response = error_response(api, request, 401, message)
        response["WWW-Authenticate"] = 'Bearer realm="Convener API"'
        return response

    def http_error(request: HttpRequest, error: HttpError) -> HttpResponse:
        return error_response(api, request, error.status_code, str(error))

    def denied(request: HttpRequest, error: PermissionDenied) -> HttpResponse:
        return error_response(api, request, 403, str(error) or "ForbiddenError.")

    def too_large(request: HttpRequest, error: RequestDataTooBig) -> HttpResponse:
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        return error_response(api, request, 413, f"The body is larger than {limit} bytes.")

    def unexpected(request: HttpRequest, error: Exception) -> HttpResponse:
        if database_busy(error):
            busy_log(request)
            response = error_response(api, request, 503, "Busy saving another change: retry.")
            response["Retry-After"] = str(RETRY_AFTER_SECONDS)
            return response
        logger.exception("API error on %s %s", request.method, request.path, exc_info=error)
        return error_response(api, request, 500, "Something went wrong on our side.")

    handlers: dict[type[Exception], Callable[..., HttpResponse]] = {
        ApiError: api_error,
        Http404: not_found,
        NinjaValidationError: invalid,
        AuthenticationError: unauthenticated,
        HttpError: http_error,
        PermissionDenied: denied,
        RequestDataTooBig: too_large,
        Exception: unexpected,
    }
    for exception, handler in handlers.items():
        api.add_exception_handler(exception, handler)


def _detail(error: Mapping[str, Any]) -> dict[str, Any]:
    """One of ninja's validation errors, located: ("body", "payload", "points", 2)
    becomes location "body", field "points.2"."""
    location, *path = error.get("loc") or ("",)
    if location == "body" and path[:1] == ["payload"]:
        path = path[1:]
    if location == "header" and path == ["If-Match"]:
        return {"location": "header", "field": "If-Match", "message": IF_MATCH_MISSING}
    return {
        "location": location or None,
        "field": ".".join(str(part) for part in path) or None,
        "message": error.get("msg", "Invalid value."),
    }
