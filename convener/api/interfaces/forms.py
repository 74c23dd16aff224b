from django import forms
from django.utils.translation import gettext_lazy as _

from convener.api.models import ApiToken


class TokenForm(forms.Form):
    name = ApiToken._meta.get_field("name").formfield(
        label=_("Name"),
        help_text=_("What the token is for, so that you can tell it from your others."),
    )
