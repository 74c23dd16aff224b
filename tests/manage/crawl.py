"""A crawl of the workspace as one user: the pages a person reaches by following links.

From `/manage/` the crawl follows every `<a href>`, every form sent by GET and
every `hx-get` that leads to a page of the workspace (`manage`) or of the live
screens (`live`), and records the route of every address it meets, the
targets of forms sent by POST included (those it never sends). Each page is
read with the Django test client; a link that answers 403, 404 or 500 is
noted with the page it was found on. Links out of the workspace (the public
pages) are noted, not followed, and asked once on request.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin, urlsplit

from django.test import Client
from django.urls import Resolver404, resolve

CRAWLED = ("manage", "live")
# The event stream of a live screen never ends: a script listens to it, no link leads there.
NEVER_FOLLOWED = frozenset({"live:events"})
BROKEN = (403, 404, 500)


@dataclass(frozen=True)
class Target:
    """An address a page leads to, and how: "get" (a link, a form sent by GET, htmx) or "post"."""

    url: str
    method: str


class _Targets(HTMLParser):
    def __init__(self, page: str) -> None:
        super().__init__()
        self.page = page
        self.found: list[Target] = []

    def _add(self, address: str | None, method: str) -> None:
        if address is None or address.startswith(("#", "mailto:", "tel:", "javascript:")):
            return
        self.found.append(Target(urljoin(self.page, address), method))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "a":
            self._add(attributes.get("href"), "get")
        elif tag == "form":
            method = (attributes.get("method") or "get").lower()
            self._add(attributes.get("action") or self.page, method)
        elif tag == "button" and attributes.get("formaction"):
            self._add(attributes.get("formaction"), "post")
        self._add(attributes.get("hx-get"), "get")
        self._add(attributes.get("hx-post"), "post")


def targets_of(page: str, html: str) -> list[Target]:
    parser = _Targets(page)
    parser.feed(html)
    return parser.found


def route_of(url: str) -> str | None:
    """The named route ("manage:meeting") of a local address, or None."""
    parts = urlsplit(url)
    if parts.netloc not in ("", "testserver"):
        return None
    try:
        match = resolve(parts.path)
    except Resolver404:
        return None
    return f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name


@dataclass
class Crawl:
    """What one crawl saw."""

    linked: set[str] = field(default_factory=set)  # routes reached by a link, a GET form, htmx
    posted: set[str] = field(default_factory=set)  # routes of forms sent by POST
    pages: dict[str, int] = field(default_factory=dict)  # address read → status
    broken: list[str] = field(default_factory=list)  # "page → link: status"
    outside: set[str] = field(default_factory=set)  # local addresses out of the workspace
    fragments: set[str] = field(default_factory=set)  # routes that answered a part of a page


def _within_the_workspace(route: str | None) -> bool:
    return route is not None and route.split(":")[0] in CRAWLED and route not in NEVER_FOLLOWED


def _path(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}" if parts.query else parts.path


def crawl(
    client: Client,
    start: str = "/manage/",
    *,
    per_route: int | None = None,
    check_outside: bool = False,
) -> Crawl:
    """Follow the links of the workspace from `start`; `per_route` caps the
    pages read of one route (say, of the hundred statements of a record);
    `check_outside` also asks each local address out of the workspace once."""
    seen = Crawl()
    read_of_route: dict[str, int] = {}
    queue: deque[tuple[str, str]] = deque([("(start)", start)])
    queued = {start}
    while queue:
        origin, address = queue.popleft()
        response: Any = client.get(address)
        seen.pages[address] = response.status_code
        if response.status_code in BROKEN:
            seen.broken.append(f"{origin} → {address}: {response.status_code}")
            continue
        if response.status_code != 200 or response.streaming:
            continue
        if "html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode()
        if "<main" not in html:
            seen.fragments.add(route_of(address) or address)
        for target in targets_of(address, html):
            route = route_of(target.url)
            if route is None:
                continue
            if target.method == "post":
                seen.posted.add(route)
                continue
            seen.linked.add(route)
            following = _path(target.url)
            if not _within_the_workspace(route):
                seen.outside.add(following)
                continue
            if following in queued:
                continue
            if per_route is not None and read_of_route.get(route, 0) >= per_route:
                continue
            read_of_route[route] = read_of_route.get(route, 0) + 1
            queued.add(following)
            queue.append((address, following))
    if check_outside:
        for address in sorted(seen.outside):
            status = client.get(address).status_code
            if status in BROKEN:
                seen.broken.append(f"(a workspace page) → {address}: {status}")
    return seen
