"""The form of a user's own account settings."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from convener.manage.interfaces.languages import LanguageSelect

BROWSER_LANGUAGE = ""


class AccountSettingsForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Interface language"),
        choices=[(BROWSER_LANGUAGE, _("As my browser says")), *settings.LANGUAGES],
        required=False,
        widget=LanguageSelect,
        help_text=_(
            "The language of the screens when you open an address without a language "
            "in it. “As my browser says” follows the language you last chose at the top "
            "of a page, else your browser's. An address with a language, such as /fr/…, "
            "always shows that language."
        ),
    )
