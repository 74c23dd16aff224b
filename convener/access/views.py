"""Asking for a new password by e-mail, at most a few times an hour.

Django's own views do the work: the e-mail goes through the configured mail
backend, and the answer is the same whether or not an account has the
address. The limits, per visitor address and per e-mail address, keep the
form from being used to flood an inbox or to probe many addresses.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordResetForm
from django.http import HttpResponse
from django.urls import reverse_lazy

from convener.access.addresses import client_address
from convener.access.throttle import within_limit

HOUR = 3600


class PasswordResetView(auth_views.PasswordResetView):
    success_url = reverse_lazy("password_reset_done")

    def form_valid(self, form: PasswordResetForm) -> HttpResponse:
        limit = settings.CONVENER_PASSWORD_RESETS_PER_HOUR
        # Both counted on every request, so that neither limit can be dodged
        # by staying under the other.
        per_visitor = within_limit(
            "password-reset-from", client_address(self.request), limit=limit, seconds=HOUR
        )
        email = form.cleaned_data["email"].strip().lower()
        per_email = within_limit("password-reset-to", email, limit=limit, seconds=HOUR)
        if per_visitor and per_email:
            return super().form_valid(form)
        context = self.get_context_data(form=form, too_many=True)
        return self.render_to_response(context, status=429)
