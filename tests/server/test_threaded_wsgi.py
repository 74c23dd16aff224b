"""The pages inside the ASGI server: a WSGI application in threads, answered in one piece."""

import asyncio
import threading

from convener.server.threaded_wsgi import SLICE, ThreadedWSGI


class RecordingApp:
    """A WSGI application that answers with chunks and remembers the request and its close."""

    def __init__(self, chunks=(b"Hello, ", b"room 6")):
        self.chunks = list(chunks)
        self.environ = {}
        self.body = b""
        self.closed_in = []

    def __call__(self, environ, start_response):
        self.environ = environ
        self.body = environ["wsgi.input"].read()
        start_response("201 Created", [("Content-Type", "text/plain"), ("X-Room", "6")])
        app = self

        class Body:
            def __iter__(self):
                return iter(app.chunks)

            def close(self):
                app.closed_in.append(threading.current_thread().name)

        return Body()


def serve(app, *, method="GET", path="/", query=b"", headers=(), body_parts=(b"",)):
    """Run one request through ThreadedWSGI; return the ASGI messages sent."""
    sent = []
    incoming = [
        {"type": "http.request", "body": part, "more_body": i < len(body_parts) - 1}
        for i, part in enumerate(body_parts)
    ]

    async def receive():
        return incoming.pop(0)

    async def send(message):
        sent.append(message)

    scope = {
        "type": "http",
        "method": method,
        "path": path,
        "query_string": query,
        "root_path": "",
        "headers": list(headers),
        "client": ("203.0.113.7", 51000),
        "server": ("127.0.0.1", 8000),
        "scheme": "http",
        "http_version": "1.1",
    }
    asyncio.run(ThreadedWSGI(app, threads=2)(scope, receive, send))
    return sent


def test_small_response_is_sent_as_head_and_one_body_and_closed_in_a_page_thread():
    app = RecordingApp()

    sent = serve(app)

    assert sent == [
        {
            "type": "http.response.start",
            "status": 201,
            "headers": [(b"content-type", b"text/plain"), (b"x-room", b"6")],
        },
        {"type": "http.response.body", "body": b"Hello, room 6"},
    ]
    assert len(app.closed_in) == 1
    assert app.closed_in[0].startswith("pages")


def test_large_response_is_sent_in_slices_and_closed_once():
    app = RecordingApp(chunks=[b"x" * 4096] * (3 * SLICE // 4096 + 1))

    sent = serve(app)

    bodies = [message for message in sent if message["type"] == "http.response.body"]
    assert len(bodies) == 4
    assert [message.get("more_body", False) for message in bodies] == [True, True, True, False]
    assert sum(len(message["body"]) for message in bodies) == len(app.chunks) * 4096
    assert len(app.closed_in) == 1


def test_request_reaches_the_application_as_pep_3333_says():
    app = RecordingApp()

    serve(
        app,
        method="POST",
        path="/fr/séries/",
        query=b"q=caf%C3%A9",
        headers=[
            (b"content-type", b"application/x-www-form-urlencoded"),
            (b"content-length", b"11"),
            (b"accept", b"text/html"),
            (b"accept", b"*/*"),
        ],
        body_parts=[b"title=", b"Agenda"],
    )

    environ = app.environ
    assert environ["REQUEST_METHOD"] == "POST"
    assert environ["PATH_INFO"] == "/fr/séries/".encode().decode("latin-1")
    assert environ["QUERY_STRING"] == "q=caf%C3%A9"
    assert environ["CONTENT_TYPE"] == "application/x-www-form-urlencoded"
    assert environ["CONTENT_LENGTH"] == "11"
    assert environ["HTTP_ACCEPT"] == "text/html,*/*"
    assert (environ["REMOTE_ADDR"], environ["SERVER_NAME"], environ["SERVER_PORT"]) == (
        "203.0.113.7",
        "127.0.0.1",
        "8000",
    )
    assert app.body == b"title=Agenda"


def test_header_with_an_underscore_cannot_pose_as_a_forwarded_address():
    app = RecordingApp()

    serve(app, headers=[(b"x_forwarded_for", b"198.51.100.1")])

    assert "HTTP_X_FORWARDED_FOR" not in app.environ
