"""The page where a signed-in user makes, sees and revokes their API tokens."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from convener.api.domain.tokens import create_token, revoke_token
from convener.api.interfaces.forms import TokenForm
from convener.api.queries.tokens import tokens_of


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def tokens(request: HttpRequest) -> HttpResponse:
    """GET lists the user's tokens; POST makes one and shows its secret, this once."""
    form = TokenForm(request.POST if request.method == "POST" else None)
    created = secret = None
    if form.is_bound and form.is_valid():
        created, secret = create_token(name=form.cleaned_data["name"], by=request.user)
        form = TokenForm()
    context = {
        "form": form,
        "created": created,
        "secret": secret,
        "tokens": tokens_of(request.user),
        "docs_url": reverse("api:openapi-view"),
    }
    return render(request, "api/tokens.html", context)


@never_cache
@login_required
@require_POST
def revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = get_object_or_404(tokens_of(request.user), pk=pk)
    revoke_token(token=token, by=request.user)
    messages.success(
        request, _("The token “%(name)s” is revoked: it opens nothing any more.") % {"name": token}
    )
    return redirect("api:tokens")
