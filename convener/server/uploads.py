"""The one way a file comes in: to a view that takes one, and never more than it needs.

Convener takes files only where a view says so with `takes_file(limit)` (a
series' emblem). A file sent anywhere else is refused before it is stored,
with the page that says nothing was saved (`server.errors`). Where a file is
taken, at most `limit` bytes and one more are kept, in memory, and the rest
is read and dropped: the form sees the file's true size and says it is too
large, and Django never holds more of a large upload than that.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any, TypeVar

from django.core.exceptions import TooManyFilesSent
from django.core.files.uploadedfile import InMemoryUploadedFile
from django.core.files.uploadhandler import FileUploadHandler

View = TypeVar("View", bound=Callable[..., Any])


def takes_file(limit: int) -> Callable[[View], View]:
    """Let a view receive a file of up to `limit` bytes (`FILE_UPLOAD_HANDLERS`)."""

    def mark(view: View) -> View:
        view.upload_limit = limit  # type: ignore[attr-defined]
        return view

    return mark


class LimitedUploadHandler(FileUploadHandler):
    """Keeps a file in memory, cut at its view's limit plus one byte, with its true size."""

    def new_file(self, *args: Any, **kwargs: Any) -> None:
        super().new_file(*args, **kwargs)
        match = getattr(self.request, "resolver_match", None)
        limit = getattr(match.func, "upload_limit", None) if match else None
        if limit is None:
            raise TooManyFilesSent("This address takes no file.")
        self.limit = limit
        self.kept = io.BytesIO()
        self.size = 0

    def receive_data_chunk(self, raw_data: bytes, start: int) -> None:  # type: ignore[override]
        room = self.limit + 1 - self.kept.tell()
        if room > 0:
            self.kept.write(raw_data[:room])
        self.size += len(raw_data)
        # Nothing returned: no later handler gets the data, the file ends here.

    def file_complete(self, file_size: int) -> InMemoryUploadedFile:
        self.kept.seek(0)
        return InMemoryUploadedFile(
            file=self.kept,
            field_name=self.field_name,
            name=self.file_name,
            content_type=self.content_type,
            size=self.size,
            charset=self.charset,
            content_type_extra=self.content_type_extra,
        )
