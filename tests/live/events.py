"""A minimal EventSource for the tests: reads a real server's event stream one event at a time."""

from __future__ import annotations

import http.client
import json
import ssl
from typing import Any
from urllib.parse import urlsplit

from django.urls import reverse


def events_path(slug: str, number: int) -> str:
    return reverse("live:events", args=[slug, number])


class EventStream:
    def __init__(
        self,
        url: str,
        *,
        session: str = "",
        timeout: float = 10,
        context: ssl.SSLContext | None = None,
    ) -> None:
        parts = urlsplit(url)
        if parts.scheme == "https":
            self.connection: http.client.HTTPConnection = http.client.HTTPSConnection(
                parts.hostname, parts.port, timeout=timeout, context=context
            )
        else:
            self.connection = http.client.HTTPConnection(
                parts.hostname, parts.port, timeout=timeout
            )
        headers = {"Accept": "text/event-stream"}
        if session:
            headers["Cookie"] = f"sessionid={session}"
        self.connection.request("GET", parts.path, headers=headers)
        self.response = self.connection.getresponse()

    def next_event(self) -> dict[str, str]:
        """The fields of the next event, heartbeats skipped; raises at the end of the stream."""
        fields: dict[str, str] = {}
        while True:
            line = self.response.readline()
            if not line:
                raise EOFError("the stream ended")
            text = line.decode().rstrip("\n")
            if text:
                name, _, value = text.partition(":")
                if name:  # a line starting with ":" is a comment
                    fields[name] = value.removeprefix(" ")
            elif fields:
                return fields

    def next_state(self) -> dict[str, Any]:
        event = self.next_event()
        assert event["event"] == "state", event
        return json.loads(event["data"])

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> EventStream:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
