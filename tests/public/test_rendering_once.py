"""A public page missing from the cache is rendered once, however many readers ask for it."""

import threading

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404, HttpResponse
from django.test import RequestFactory

from convener.public import caching

STATE_CHANGE = 10  # seconds to wait for another thread to reach a state, before failing


class Rendering:
    """A view whose rendering holds until released, counting its renderings."""

    def __init__(self, *, status: int = 200) -> None:
        self.status = status
        self.count = 0
        self.started = threading.Event()
        self.release = threading.Event()

    def view(self, request):
        self.count += 1
        self.started.set()
        assert self.release.wait(STATE_CHANGE)
        if self.status == 404:
            raise Http404
        return HttpResponse(f"the page, rendering {self.count}")


@pytest.fixture
def followers_waiting(monkeypatch):
    """Set when a reader starts waiting for another's rendering."""
    waiting = threading.Event()

    class ObservedEvent(threading.Event):
        def wait(self, timeout=None):
            waiting.set()
            return super().wait(timeout)

    monkeypatch.setattr(caching, "Event", ObservedEvent)
    monkeypatch.setattr(caching, "current_revision", lambda: 1)
    return waiting


def read_in_thread(view, responses):
    def read():
        request = RequestFactory().get("/series/gmg-2016/")
        request.user = AnonymousUser()
        try:
            responses.append(view(request))
        except Http404:
            responses.append(404)

    reader = threading.Thread(target=read)
    reader.start()
    return reader


def test_readers_of_a_page_being_rendered_wait_for_it_and_are_served_it(followers_waiting):
    rendering = Rendering()
    view = caching.cache_public_page(rendering.view)
    responses = []
    first = read_in_thread(view, responses)
    assert rendering.started.wait(STATE_CHANGE)
    second = read_in_thread(view, responses)
    assert followers_waiting.wait(STATE_CHANGE)

    rendering.release.set()
    first.join(STATE_CHANGE)
    second.join(STATE_CHANGE)

    assert rendering.count == 1
    assert [response.content for response in responses] == [b"the page, rendering 1"] * 2


def test_a_waiting_reader_renders_the_page_itself_when_the_first_was_not_kept(
    followers_waiting,
):
    rendering = Rendering(status=404)
    view = caching.cache_public_page(rendering.view)
    responses = []
    first = read_in_thread(view, responses)
    assert rendering.started.wait(STATE_CHANGE)
    second = read_in_thread(view, responses)
    assert followers_waiting.wait(STATE_CHANGE)

    rendering.release.set()
    first.join(STATE_CHANGE)
    second.join(STATE_CHANGE)

    assert rendering.count == 2
    assert responses == [404, 404]
