"""Showing a domain function's refusal on the forms the user filled in."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError


def show_domain_errors(error: ValidationError, form: forms.Form, *others: forms.Form) -> None:
    """Put each error under the field it names, in whichever of the forms has
    that field; an error of no field goes to the top of the first form."""
    for field, messages in error.message_dict.items():
        owner = next((f for f in (form, *others) if field in f.fields), None)
        if owner is None:
            form.add_error(None, messages)
        else:
            owner.add_error(field, messages)
