"""The one way a workspace page edits a long text: the records' summaries, the report's prose.

Every such page is a form over one text (`TextEdit`) that works without
JavaScript; with htmx the records page swaps the same form in place. A save
refused because someone else saved first answers 409 Conflict with both texts
on the page; to an htmx request it answers 200, because htmx swaps no error
response into the page and the user must see the two texts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Field, Model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from convener.manage.interfaces.prose import Conflict, ProseForm, conflict_of, move_digest
from convener.prose.editing import EditConflictError

# The template of a page that edits one text.
EDIT_TEMPLATE = "manage/edit_text.html"


@dataclass(frozen=True)
class TextEdit:
    """One long text: how the page names it, what is stored, and how to save it."""

    label: str
    prefix: str  # of the form's fields, and of the element ids the page swaps
    stored: str
    # Saves (text, digest of the text the editor started from); raises
    # EditConflictError or ValidationError.
    save: Callable[[str, str], Any]
    # The row whose audit log tells who last changed the text, read on a conflict.
    record: Callable[[], Model | None]
    field: Field  # the text's field on that row, whose limits the form applies
    # Where the form starts, when not from the stored text (read only to show the form).
    start_text: Callable[[], str] | None = None
    help_text: str = ""


def edit_text(
    request: HttpRequest,
    edit: TextEdit,
    *,
    done_url: str,
    saved_message: str,
    context: dict[str, Any],
) -> HttpResponse:
    """Show the form (GET), preview the text, or save it and go to `done_url`."""
    options = {
        "prefix": edit.prefix,
        "label": edit.label,
        "source": edit.field,
        "help_text": edit.help_text,
    }
    if request.method != "POST":
        start = edit.start_text() if edit.start_text is not None else None
        form = ProseForm.starting(stored=edit.stored, text=start, **options)
        return _page(request, edit, form, context)
    form = ProseForm(request.POST, **options)
    if not form.is_valid():
        return _page(request, edit, form, context)
    text = form.cleaned_data["text"]
    if request.POST.get("action") == "preview":
        return _page(request, edit, form, context, preview=text)
    try:
        edit.save(text, form.cleaned_data["started_from"])
    except EditConflictError as error:
        move_digest(form, error)
        conflict = conflict_of(error, edit.record())
        status = 200 if request.htmx else 409
        return _page(request, edit, form, context, conflict=conflict, status=status)
    except ValidationError as error:
        form.add_error("text", error.messages)
        return _page(request, edit, form, context)
    messages.success(request, saved_message)
    return redirect(done_url)


def _page(
    request: HttpRequest,
    edit: TextEdit,
    form: ProseForm,
    context: dict[str, Any],
    *,
    preview: str | None = None,
    conflict: Conflict | None = None,
    status: int = 200,
) -> HttpResponse:
    return render(
        request,
        EDIT_TEMPLATE,
        {**context, "edit": edit, "form": form, "preview": preview, "conflict": conflict},
        status=status,
    )
