"""Forms whose empty lists of errors render no template.

Django renders every field's list of errors through two templates (the list
and the `<ul>` it includes) even when the list is empty and writes nothing:
on the programme builder, with about 90 fields, that was a tenth of the page's
time. The forms of the busiest screens take `WorkspaceForm` as their base,
whose lists write the same HTML and skip the templates when there is nothing
to write.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.forms.utils import ErrorList as DjangoErrorList
from django.utils.safestring import SafeString, mark_safe


class ErrorList(DjangoErrorList):
    def render(
        self, template_name: str | None = None, context: Any = None, renderer: Any = None
    ) -> SafeString:
        if not self.data and template_name is None and context is None:
            return mark_safe("")  # what the templates write for no error, after `strip()`
        return super().render(template_name, context, renderer)  # type: ignore[no-any-return]

    # Django's base class binds these to its own `render`.
    __str__ = render  # type: ignore[assignment]
    __html__ = render


class WorkspaceForm(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("error_class", ErrorList)
        super().__init__(*args, **kwargs)
