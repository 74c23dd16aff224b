"""Adding a convening group from the form of a series, in place; changing the
series' group on a page of its own.

With htmx, "New convening group" opens a small form inside the series form;
once created, the group is chosen in the series form's list. Without
JavaScript the same form has a page of its own, which leads back to the
series form with the new group chosen.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from convener.access.loading import series_for
from convener.audit.actors import require
from convener.directory.domain.convening import (
    EDIT_PERMISSION,
    PERMISSION,
    create_convening_group,
    update_convening_group,
)
from convener.directory.models import ConveningGroup
from convener.manage.interfaces.convening import ConveningGroupEditForm, chair_rows
from convener.manage.interfaces.directory import ConveningGroupForm
from convener.manage.interfaces.validation import show_domain_errors

# The prefix of the new group's fields, which sit inside the series form.
PREFIX = "group"
BOX = "convening-group-new"


def _next(request: HttpRequest) -> str:
    value = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        value, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return value
    return reverse("manage:series_create")


@login_required
def convening_group_create(request: HttpRequest) -> HttpResponse:
    require(request.user, PERMISSION)
    form = ConveningGroupForm(request.POST if request.method == "POST" else None, prefix=PREFIX)
    if request.method == "POST" and form.is_valid():
        try:
            group = create_convening_group(**form.entry(), by=request.user)
        except ValidationError as error:
            show_domain_errors(error, form)
        else:
            return _created(request, group)
    context = {"form": form, "next": _next(request), "box": BOX}
    if request.htmx:
        return render(request, "manage/convening_group_form.html", context)
    status = 400 if form.is_bound else 200
    return render(request, "manage/convening_group.html", context, status=status)


def _created(request: HttpRequest, group: ConveningGroup) -> HttpResponse:
    message = _("%(group)s is created and chosen for the series.") % {"group": group}
    if not request.htmx:
        messages.success(request, message)
        url = _next(request)
        separator = "&" if "?" in url else "?"
        return redirect(f"{url}{separator}{urlencode({'convening_group': group.pk})}")
    # The series form's list, with the new group chosen, replaces the old one.
    choices = forms.ModelChoiceField(ConveningGroup.objects.all())
    select = choices.widget.render(
        "convening_group",
        group.pk,
        attrs={"id": "id_convening_group", "hx-swap-oob": "true"},
    )
    return render(
        request, "manage/convening_group_created.html", {"message": message, "select": select}
    )


@login_required
def convening_group_edit(request: HttpRequest, slug: str) -> HttpResponse:
    """The convening group of the series: names, description, members, chairs."""
    series = series_for(request, slug, "series.open_workspace")
    group = series.convening_group
    if group is None:
        raise Http404(_("The series has no convening group."))
    require(request.user, EDIT_PERMISSION, group)
    form = ConveningGroupEditForm(request.POST or None, instance=group, user=request.user)
    rows = chair_rows(group, request.user, request.POST or None)
    if request.method == "POST" and form.is_valid() and rows.is_valid():
        try:
            update_convening_group(
                group=group,
                changes=form.changes(),
                members=form.cleaned_data["members"],
                chairs=rows.chairs(),
                by=request.user,
            )
        except ValidationError as error:
            show_domain_errors(error, form)
        else:
            messages.success(request, _("The convening group is saved."))
            return redirect("manage:series", slug=series.slug)
    context = {"series": series, "group": group, "form": form, "rows": rows}
    status = 400 if request.method == "POST" else 200
    return render(request, "manage/convening_group_edit.html", context, status=status)


urlpatterns = [
    path(
        "directory/convening-groups/new/",
        convening_group_create,
        name="convening_group_create",
    ),
    path(
        "series/<slug:slug>/convening-group/",
        convening_group_edit,
        name="convening_group_edit",
    ),
]
