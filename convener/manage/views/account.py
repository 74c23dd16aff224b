"""The signed-in user's own account: the language of their screens."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import translation
from django.utils.translation import gettext as _

from convener.access.domain.accounts import choose_interface_language
from convener.access.queries.accounts import interface_language_of
from convener.manage.interfaces.account import AccountSettingsForm
from convener.manage.interfaces.validation import show_domain_errors
from convener.server.language_choice import chosen_language


@login_required
def account(request: HttpRequest) -> HttpResponse:
    form = AccountSettingsForm(
        request.POST or None, initial={"language": interface_language_of(request.user)}
    )
    if request.method == "POST" and form.is_valid():
        try:
            choose_interface_language(
                user=request.user, language=form.cleaned_data["language"], by=request.user
            )
        except ValidationError as error:
            show_domain_errors(error, form)
        else:
            # Straight to the page in the language now chosen, saying so in it.
            with translation.override(chosen_language(request)):
                messages.success(request, _("Your settings are saved."))
                return redirect(reverse("manage:account"))
    return render(request, "manage/account.html", {"form": form})


urlpatterns = [path("account/", account, name="account")]
