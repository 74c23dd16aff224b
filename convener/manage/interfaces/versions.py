"""The form that publishes a new version of a document."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from convener.publishing.composition.documents import DOCUMENTS
from convener.publishing.models import DocumentVersion


class PublishVersionForm(forms.Form):
    document = forms.ChoiceField(choices=[(name, name) for name in DOCUMENTS])
    meeting_number = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
    note = DocumentVersion._meta.get_field("note").formfield(
        label=_("Note"),
        required=False,
        help_text=_("What changed, for readers of the list of versions (optional)."),
    )
