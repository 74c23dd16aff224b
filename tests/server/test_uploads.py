"""The upload handler: a file only where a view takes one, and never more of it than its limit."""

from types import SimpleNamespace

import pytest
from django.core.exceptions import TooManyFilesSent
from django.test import RequestFactory

from convener.server.uploads import LimitedUploadHandler, takes_file


def handler_for(view) -> LimitedUploadHandler:
    request = RequestFactory().post("/")
    request.resolver_match = SimpleNamespace(func=view)
    return LimitedUploadHandler(request)


def received(handler: LimitedUploadHandler, chunks: list[bytes]):
    handler.new_file("emblem", "emblem.png", "image/png", None)
    for chunk in chunks:
        handler.receive_data_chunk(chunk, 0)
    return handler.file_complete(sum(map(len, chunks)))


def test_a_file_within_the_limit_is_kept_whole():
    upload = received(handler_for(takes_file(10)(lambda request: None)), [b"12345", b"678"])

    assert (upload.size, upload.read()) == (8, b"12345678")


def test_of_a_file_over_the_limit_the_limit_and_one_byte_are_kept_with_its_true_size():
    upload = received(handler_for(takes_file(10)(lambda request: None)), [b"x" * 64] * 1000)

    assert (upload.size, len(upload.read())) == (64_000, 11)


def test_a_file_sent_to_a_view_that_takes_none_is_refused():
    with pytest.raises(TooManyFilesSent):
        received(handler_for(lambda request: None), [b"x"])
