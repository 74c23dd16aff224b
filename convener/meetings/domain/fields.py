"""The model's own rules for the fields a domain function changes."""

from __future__ import annotations

from collections.abc import Collection

from django.core.exceptions import ValidationError
from django.db.models import Model
from django.utils.translation import gettext as _


def field_errors(instance: Model, *, changed: Collection[str]) -> dict[str, list[ValidationError]]:
    """The errors of the `changed` fields by their model's rules (length, choices, blank…).

    Fields that did not change are not judged: a row written before a rule
    existed stays editable.
    """
    fields = instance._meta
    errors: dict[str, list[ValidationError]] = {}
    # `clean_fields` lets None through for a blank field; the database would not.
    nulls = {
        name
        for name in changed
        if getattr(instance, name) is None and not fields.get_field(name).null
    }
    for name in nulls:
        errors[name] = [ValidationError(_("This field cannot be empty."))]
    unchanged = [field.name for field in fields.fields if field.name not in changed]
    try:
        instance.clean_fields(exclude=[*unchanged, *nulls])
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    return errors
