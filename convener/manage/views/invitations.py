"""The people of a series: their roles, invitations to new ones, and a speaker's own details.

The secretariat invites by e-mail; the link in the e-mail leads to
`accept_invitation`, where the invited person signs in or creates an account
and takes the role. A speaker keeps their own entry of the directory right
and confirms their part in the programme on `my_details`.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from convener.access.domain import invitations
from convener.access.loading import series_for
from convener.access.models import Invitation
from convener.access.queries.invitations import pending_invitations, series_grants
from convener.access.queries.ownership import series_to_ask
from convener.access.queries.speakers import participations_of
from convener.access.wording import role_in_words
from convener.audit.actors import require
from convener.audit.log import acting_as
from convener.directory.domain.speakers import update_speaker_details
from convener.directory.models import Person
from convener.manage.interfaces.invitations import AccountForm, InvitationForm
from convener.manage.interfaces.prose import Conflict, conflict_of
from convener.manage.interfaces.speakers import SpeakerDetailsForm
from convener.manage.interfaces.tracking import show_conflict
from convener.meetings.domain.confirmations import confirm_participation
from convener.meetings.models import Series
from convener.prose.editing import EditConflictError
from convener.roles.domain import revoke_role
from convener.roles.models import Grant

# The backend that signs in an account just created (django-axes' own
# backend checks sign-in attempts, which creating an account is not).
ACCOUNT_BACKEND = "django.contrib.auth.backends.ModelBackend"


# The people of a series


@login_required
def series_people(request: HttpRequest, slug: str) -> HttpResponse:
    series = series_for(request, slug, "series.manage")
    return _people_page(request, series, InvitationForm(series=series, user=request.user))


@login_required
def invite(request: HttpRequest, slug: str) -> HttpResponse:
    series = series_for(request, slug, "series.invite")
    if request.method != "POST":
        # Also how the form, with script, shows the fields of the role just chosen.
        form = InvitationForm(series=series, user=request.user, role=request.GET.get("role", ""))
        return render(request, "manage/invite.html", {"series": series, "form": form})
    form = InvitationForm(request.POST, series=series, user=request.user)
    if form.is_valid():
        try:
            invitation = invitations.invite(
                series=series,
                role=form.cleaned_data["role"],
                email=form.cleaned_data["email"],
                by=request.user,
                site_url=request.build_absolute_uri("/"),
                **form.narrowing(),
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(
                request,
                _("An invitation was sent to %(email)s.") % {"email": invitation.email},
            )
            return redirect("manage:series_people", series.slug)
    return render(request, "manage/invite.html", {"series": series, "form": form})


@login_required
@require_POST
def revoke_grant(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    series = series_for(request, slug, "series.manage")
    grant = get_object_or_404(Grant.objects.select_related("user"), pk=pk, series=series)
    revoke_role(grant=grant, by=request.user)
    messages.success(
        request,
        _("%(user)s no longer holds the role: %(role)s.")
        % {"user": grant.user.get_username(), "role": role_in_words(grant)},
    )
    return redirect("manage:series_people", series.slug)


@login_required
@require_POST
def revoke_invitation(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    series = series_for(request, slug, "series.invite")
    invitation = get_object_or_404(Invitation, pk=pk, series=series)
    try:
        invitations.revoke_invitation(invitation=invitation, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("The invitation to %(email)s was withdrawn.") % {"email": invitation.email}
        )
    return redirect("manage:series_people", series.slug)


def _people_page(request: HttpRequest, series: Series, form: InvitationForm) -> HttpResponse:
    grants = [(grant, role_in_words(grant)) for grant in series_grants(series)]
    pending = [(inv, role_in_words(inv)) for inv in pending_invitations(series)]
    return render(
        request,
        "manage/series_people.html",
        {"series": series, "grants": grants, "invitations": pending, "form": form},
    )


def _add_errors(form: Form, error: ValidationError) -> None:
    for field, messages_of_field in error.message_dict.items():
        form.add_error(field if field in form.fields else None, messages_of_field)


# Following the link of an invitation


def accept_invitation(request: HttpRequest, token: str) -> HttpResponse:
    """A signed-in user accepts; anyone else signs in first or creates an account."""
    try:
        invitation = invitations.usable_invitation(token)
    except invitations.InvitationError as error:
        return _unusable(request, error)
    signed_in = request.user.is_authenticated
    if request.method != "POST":
        form = None if signed_in else AccountForm(initial={"email": invitation.email})
        return _invitation_page(request, invitation, account_form=form)
    form = None if signed_in else AccountForm(request.POST)
    if form is not None and not form.is_valid():
        return _invitation_page(request, invitation, account_form=form)
    try:
        with transaction.atomic():
            user = request.user if form is None else form.save()
            # The log names the new account, not the visitor it was a moment ago.
            with acting_as(user, via="web"):
                invitations.accept_invitation(invitation=invitation, by=user)
    except invitations.InvitationError as error:
        return _unusable(request, error)
    if form is not None:
        login(request, user, backend=ACCOUNT_BACKEND)
    messages.success(
        request,
        _("Welcome to %(series)s. Your role: %(role)s.")
        % {"series": invitation.series.title, "role": role_in_words(invitation)},
    )
    return redirect("manage:home")


def _invitation_page(
    request: HttpRequest, invitation: Invitation, *, account_form: AccountForm | None
) -> HttpResponse:
    return render(
        request,
        "manage/accept_invitation.html",
        {
            "invitation": invitation,
            "role": role_in_words(invitation),
            "account_form": account_form,
            "sign_in_url": f"{reverse('login')}?{urlencode({'next': request.path})}",
        },
    )


def _unusable(request: HttpRequest, error: invitations.InvitationError) -> HttpResponse:
    status = 404 if isinstance(error, invitations.UnknownInvitationError) else 410
    return render(
        request, "manage/invitation_unusable.html", {"message": error.message}, status=status
    )


# A speaker's own details


@login_required
def my_details(request: HttpRequest, key: str) -> HttpResponse:
    person = get_object_or_404(Person.objects.select_related("organisation"), key=key)
    if not (
        request.user.has_perm("person.view_details", person)
        or request.user.has_perm("person.confirm", person)
    ):
        raise PermissionDenied("person.view_details")
    if request.method != "POST":
        return _details_page(request, person, SpeakerDetailsForm(person=person))
    require(request.user, "person.edit", person)
    form = SpeakerDetailsForm(request.POST, person=person)
    if not form.is_valid():
        return _details_page(request, person, form)
    changes = form.changes()
    try:
        update_speaker_details(
            person=person,
            changes=changes,
            by=request.user,
            started_from=form.started_from(changes),
        )
    except EditConflictError as error:
        show_conflict(form, error, boxed=("biography",))
        conflict = (
            conflict_of(error, person, field="biography")
            if "biography" in error.conflicts
            else None
        )
        return _details_page(request, person, form, conflict=conflict, status=409)
    except ValidationError as error:
        _add_errors(form, error)
        person.refresh_from_db()  # the page names the person as stored, not as mistyped
        return _details_page(request, person, form)
    messages.success(request, _("The details were saved."))
    return redirect("manage:my_details", person.key)


def _details_page(
    request: HttpRequest,
    person: Person,
    form: SpeakerDetailsForm,
    *,
    conflict: Conflict | None = None,
    status: int = 200,
) -> HttpResponse:
    may_edit = request.user.has_perm("person.edit", person)
    return render(
        request,
        "manage/my_details.html",
        {
            "person": person,
            "form": form,
            "conflict": conflict,
            "may_edit": may_edit,
            # Whose secretariat to ask, when other series use the entry too.
            "ask": [] if may_edit else series_to_ask(person, user=request.user),
            "may_confirm": request.user.has_perm("person.confirm", person),
            "participations": participations_of(person, user=request.user),
        },
        status=status,
    )


@login_required
@require_POST
def confirm(request: HttpRequest, key: str, pk: int) -> HttpResponse:
    person = get_object_or_404(Person, key=key)
    require(request.user, "person.confirm", person)
    participation = get_object_or_404(participations_of(person, user=request.user), pk=pk)
    confirm_participation(person=person, participation=participation, by=request.user)
    messages.success(
        request,
        _("You confirmed: %(segment)s, %(meeting)s.")
        % {
            "segment": participation.segment.heading,
            "meeting": participation.segment.meeting.title,
        },
    )
    return redirect("manage:my_details", person.key)


urlpatterns = [
    path("series/<slug:slug>/people/", series_people, name="series_people"),
    path("series/<slug:slug>/people/invite/", invite, name="invite"),
    path("series/<slug:slug>/people/roles/<int:pk>/revoke/", revoke_grant, name="revoke_role"),
    path(
        "series/<slug:slug>/people/invitations/<int:pk>/revoke/",
        revoke_invitation,
        name="revoke_invitation",
    ),
    path("invitations/<str:token>/", accept_invitation, name="accept_invitation"),
    path("me/<slug:key>/", my_details, name="my_details"),
    path(
        "me/<slug:key>/participations/<int:pk>/confirm/",
        confirm,
        name="confirm_participation",
    ),
]
