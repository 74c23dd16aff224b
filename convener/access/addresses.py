"""The address a request comes from, as the sign-in limits count it."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """The visitor's address: the one the nearest trusted proxy saw, else the connection's.

    Each proxy appends the address it was reached from to X-Forwarded-For, so
    with n trusted proxies the visitor's is the n-th from the end; whatever
    comes before it the visitor may have written, and is not believed.
    """
    proxies = settings.CONVENER_TRUSTED_PROXIES
    forwarded = [
        address.strip()
        for address in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if address.strip()
    ]
    if proxies > 0 and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return str(request.META.get("REMOTE_ADDR", ""))
