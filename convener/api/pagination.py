"""Limit/offset pages with the total count and the addresses of the next and previous pages."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Schema
from ninja.pagination import PaginationBase

DEFAULT_LIMIT = 20
MAX_LIMIT = 100


class LimitOffset(PaginationBase):
    class Input(Schema):
        limit: int = Field(
            DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="How many items a page holds."
        )
        offset: int = Field(0, ge=0, description="How many items to skip.")

    class Output(Schema):
        count: int = Field(description="How many items there are on all pages.")
        next: str | None = Field(description="The next page, if there is one.")
        previous: str | None = Field(description="The previous page, if there is one.")
        results: list[Any]

    items_attribute = "results"

    def paginate_queryset(
        self,
        queryset: QuerySet[Any],
        pagination: LimitOffset.Input,
        request: HttpRequest,
        **params: Any,
    ) -> dict[str, Any]:
        limit, offset = pagination.limit, pagination.offset
        count = queryset.count()
        # An offset past the end asks for nothing, and may be too big for the database.
        results = list(queryset[offset : offset + limit]) if offset < count else []
        return {"count": count, **page_links(request, limit, offset, count), "results": results}


def page_links(request: HttpRequest, limit: int, offset: int, count: int) -> dict[str, Any]:
    """The addresses of the next and previous pages of `count` items."""
    previous_offset = max(0, min(offset, count) - limit)
    return {
        "next": _page(request, limit, offset + limit) if offset + limit < count else None,
        "previous": _page(request, limit, previous_offset) if offset > 0 else None,
    }


def _page(request: HttpRequest, limit: int, offset: int) -> str:
    query = request.GET.copy()
    query["limit"] = str(limit)
    query["offset"] = str(offset)
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")
