"""Who may do what: the permissions of Convener, as small named predicates.

Every view, the API and the templates ask `user.has_perm(<name>, obj)`; no
check lives anywhere else. A predicate takes the user and the object the
action is on (a series, a meeting, a person); `scope.series_of` and
`scope.meeting_of` find the series or meeting of any row of the programme or
the records, so one rule serves them all.

The roles (see `Role`):
- the site administrator (a superuser) may do everything;
- the secretariat of a series, everything in that series;
- the focal point of a co-organiser, the programme and speakers of the
  meetings that organisation co-organises;
- the rapporteur, the records of their meeting(s) and, when rapporteur of
  every meeting, the prose of the series report;
- the chair, the list of speakers of their meeting(s);
- a speaker, their own entry in the directory and their confirmation;
- an entry of the directory belongs to the secretariats of the series that
  use it (`access.queries.ownership`);
- a delegation, its own requests for the floor;
- the public, the published pages only (`meetings.queries.visibility`).

Whatever the role, a reported meeting is final: the permissions that change
its programme, its record or its live floor hold only while the meeting is
open for changes (`meeting_is_open_for_changes`); reading it and reopening
it (`meeting.change_status`, the secretariat) stay.
"""

from __future__ import annotations

from typing import Any

import rules
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from convener.access.scope import meeting_of, series_of
from convener.meetings.domain.workflow import MeetingIsReported, is_cancelled, is_reported
from convener.meetings.models import MeetingStatus, Series
from convener.roles.models import Grant, Role
from convener.roles.queries import grants_of


def _grants(user: Any, role: str, series_id: int | None) -> list[Grant]:
    return [g for g in grants_of(user) if g.role == role and g.series_id == series_id]


def _series_role(role: str, name: str) -> Any:
    """A predicate: the user holds `role` in the object's series, for one of its
    meetings or for all (a grant narrowed to an organisation, a State or a
    language counts too)."""

    @rules.predicate(name=name)
    def predicate(user: Any, obj: Any) -> bool:
        series = series_of(obj)
        return series is not None and bool(_grants(user, role, series.pk))

    return predicate


@rules.predicate
def is_site_administrator(user: Any) -> bool:
    return bool(user.is_active and user.is_superuser)


is_secretariat = _series_role(Role.SECRETARIAT, "is_secretariat")


@rules.predicate
def is_secretariat_somewhere(user: Any) -> bool:
    return any(g.role == Role.SECRETARIAT for g in grants_of(user))


@rules.predicate
def is_focal_point_somewhere(user: Any) -> bool:
    return any(g.role == Role.FOCAL_POINT for g in grants_of(user))


@rules.predicate
def prepares_a_series_somewhere(user: Any) -> bool:
    """The user helps prepare some series, so opens some of its meetings in the workspace."""
    return any(g.role in Role.preparing() for g in grants_of(user))


@rules.predicate
def is_focal_point(user: Any, obj: Any) -> bool:
    """The user is focal point of an organisation that co-organises the meeting."""
    meeting = meeting_of(obj)
    if meeting is None:
        return False
    organisations = {
        g.organisation_id
        for g in _grants(user, Role.FOCAL_POINT, meeting.series_id)
        if g.organisation_id is not None
    }
    if not organisations:
        return False
    return meeting.co_organiser_links.filter(organisation_id__in=organisations).exists()


# Focal point of a co-organiser in the object's series.
is_focal_point_in_series = _series_role(Role.FOCAL_POINT, "is_focal_point_in_series")


def _meeting_role(role: str) -> Any:
    """A predicate: the user holds `role` for the object's meeting, or for every meeting."""

    @rules.predicate(name=f"is_{role}")
    def predicate(user: Any, obj: Any) -> bool:
        meeting = meeting_of(obj)
        if meeting is None:
            return False
        return any(
            g.meeting_id in (None, meeting.pk) for g in _grants(user, role, meeting.series_id)
        )

    return predicate


is_rapporteur = _meeting_role(Role.RAPPORTEUR)
is_chair = _meeting_role(Role.CHAIR)


@rules.predicate
def is_rapporteur_of_every_meeting(user: Any, obj: Any) -> bool:
    """The user is rapporteur of the whole series (a grant not narrowed to one
    meeting), so writes the prose of the series' report."""
    series = series_of(obj)
    return series is not None and any(
        g.meeting_id is None for g in _grants(user, Role.RAPPORTEUR, series.pk)
    )


is_delegation = _series_role(Role.DELEGATION, "is_delegation")


@rules.predicate
def speaks_for(user: Any, inscription: Any) -> bool:
    """The user is a delegation of the State or organisation an inscription on
    the list of speakers speaks for (a State speaking on behalf of a group included)."""
    series = series_of(inscription)
    if series is None:
        return False
    return any(
        (g.state_id is not None and g.state_id == inscription.state_id)
        or (g.organisation_id is not None and g.organisation_id == inscription.organisation_id)
        for g in _grants(user, Role.DELEGATION, series.pk)
    )


@rules.predicate
def is_the_person(user: Any, person: Any) -> bool:
    """The user is this person of the directory (a speaker who accepted an invitation)."""
    return any(g.role == Role.SPEAKER and g.person_id == person.pk for g in grants_of(user))


@rules.predicate
def reads_the_drafts(user: Any, obj: Any) -> bool:
    """The user reads the series' drafts: the one rule of `meetings.queries.visibility`
    (the site administrator, or a role that prepares the series)."""
    # Imported here: the visibility queries read the grants this module reads.
    from convener.meetings.queries.visibility import reads_drafts_of

    series = series_of(obj)
    return series is not None and reads_drafts_of(user, series)


@rules.predicate
def holds_a_role_in(user: Any, obj: Any) -> bool:
    series = series_of(obj)
    return series is not None and any(g.series_id == series.pk for g in grants_of(user))


def _secretariat_of(user: Any) -> set[int]:
    return {g.series_id for g in grants_of(user) if g.role == Role.SECRETARIAT}


@rules.predicate
def convenes_for_the_user(user: Any, group: Any) -> bool:
    """The group convenes a series of which the user is the secretariat, and
    only such series."""
    secretariat_of = _secretariat_of(user)
    convened = set(group.series.values_list("pk", flat=True)) if group is not None else set()
    return bool(secretariat_of) and bool(convened) and convened <= secretariat_of


@rules.predicate
def owns_the_entry(user: Any, entry: Any) -> bool:
    """The user is secretariat of every series that uses this entry of the
    directory (`access.queries.ownership`); an entry no series uses yet
    belongs to any secretariat."""
    # Imported here: the access app's queries build on the meetings this module guards.
    from convener.access.queries.ownership import series_using

    secretariat_of = _secretariat_of(user)
    if not secretariat_of:
        return False
    return set(series_using(entry).values_list("pk", flat=True)) <= secretariat_of


@rules.predicate
def is_secretariat_of_a_series_using(user: Any, entry: Any) -> bool:
    """The user is secretariat of some series that uses this entry of the directory."""
    from convener.access.queries.ownership import series_using

    secretariat_of = _secretariat_of(user)
    return bool(secretariat_of) and series_using(entry).filter(pk__in=secretariat_of).exists()


@rules.predicate
def meeting_is_open_for_changes(user: Any, obj: Any) -> bool:
    """The object's meeting is not reported yet: its programme and record may change."""
    meeting = meeting_of(obj)
    return meeting is not None and not is_reported(meeting)


@rules.predicate
def meeting_is_not_cancelled(user: Any, obj: Any) -> bool:
    """The object's meeting is not cancelled: its live floor may open."""
    meeting = meeting_of(obj)
    return meeting is not None and not is_cancelled(meeting)


@rules.predicate
def meeting_is_draft(user: Any, obj: Any) -> bool:
    """The object's meeting is a draft: the public has never been told of it."""
    meeting = meeting_of(obj)
    return meeting is not None and meeting.status == MeetingStatus.DRAFT


@rules.predicate
def meeting_is_to_come(user: Any, obj: Any) -> bool:
    """The object's meeting is a draft or published: it has not taken place, and
    is not cancelled, so it may still be postponed."""
    meeting = meeting_of(obj)
    return meeting is not None and meeting.status in (MeetingStatus.DRAFT, MeetingStatus.PUBLISHED)


@rules.predicate
def meeting_is_published(user: Any, obj: Any) -> bool:
    meeting = meeting_of(obj)
    return meeting is not None and meeting.status == MeetingStatus.PUBLISHED


administers_series = is_site_administrator | is_secretariat

# The role each permission locked by a reported meeting asks besides, so that
# a refusal can say "reported" to whom the role would allow (`refused_as_reported`).
LOCKED_WHEN_REPORTED: dict[str, Any] = {}


def _add_locked_perm(name: str, role: Any, *, floor: bool = False) -> None:
    """`floor`: an action on the live floor, which a cancelled meeting closes too."""
    LOCKED_WHEN_REPORTED[name] = role
    condition = role & meeting_is_open_for_changes
    rules.add_perm(name, condition & meeting_is_not_cancelled if floor else condition)


def refused_as_reported(user: Any, permission: str, obj: Any) -> bool:
    """Whether `user` is refused `permission` on `obj` only because its meeting is reported."""
    role = LOCKED_WHEN_REPORTED.get(permission)
    return (
        role is not None
        and obj is not None
        and not meeting_is_open_for_changes(user, obj)
        and bool(role.test(user, obj))
    )


def refusal_of_a_reported_meeting(user: Any, permission: str, obj: Any) -> PermissionDenied | None:
    """The refusal `require` raises when the meeting's being reported is the reason."""
    return MeetingIsReported() if refused_as_reported(user, permission, obj) else None


# The series: its facts, concept note, meetings, roles, invitations, audit log,
# the prose of its report.
rules.add_perm("series.create", is_site_administrator | is_secretariat_somewhere)
rules.add_perm("series.manage", administers_series)
rules.add_perm("series.view_audit", administers_series)
rules.add_perm("series.invite", administers_series)
rules.add_perm("series.view_drafts", reads_the_drafts)
rules.add_perm("series.open_workspace", is_site_administrator | holds_a_role_in)
rules.add_perm("series.edit_report", administers_series | is_rapporteur_of_every_meeting)
# The planning checks name people with their recorded gender: they are for
# those who plan, the secretariat and the focal points (of their own meetings).
rules.add_perm("series.view_planning_checks", administers_series | is_focal_point_in_series)
rules.add_perm("meeting.view_planning_checks", administers_series | is_focal_point)
# Who has confirmed their part in the programme, and reminding those who have not.
rules.add_perm("series.view_confirmations", administers_series)
rules.add_perm("series.remind_speakers", administers_series)

# A meeting: its facts; its programme; its records and prose; its live floor.
# All final once the meeting is reported; its status (reopening it) is not.
_add_locked_perm("meeting.manage", administers_series)
_add_locked_perm("meeting.edit_programme", administers_series | is_focal_point)
_add_locked_perm("meeting.edit_records", administers_series | is_rapporteur)
# Releasing the record: the public and the documents read it from then on.
_add_locked_perm("meeting.release_record", administers_series | is_rapporteur)
_add_locked_perm("meeting.chair", administers_series | is_chair, floor=True)
_add_locked_perm("meeting.request_floor", is_delegation, floor=True)
rules.add_perm("meeting.change_status", administers_series)
# Its life besides the status: postponing a meeting still to come, cancelling a
# published one, deleting a draft (the pages offer each step only then). Using
# a meeting as a template needs `series.manage` of the series the copy goes to
# and reading the meeting it copies.
_add_locked_perm("meeting.postpone", administers_series & meeting_is_to_come)
_add_locked_perm("meeting.cancel", administers_series & meeting_is_published)
rules.add_perm("meeting.delete", administers_series & meeting_is_draft)
# Reading the speaking time of a meeting, reported or not.
rules.add_perm("meeting.view_floor", administers_series | is_chair)
# An inscription on the list of speakers: a delegation acts only for its own
# State or organisation; the chair and the secretariat take anyone off.
_add_locked_perm("floor.speak_for", speaks_for, floor=True)
_add_locked_perm("floor.withdraw", speaks_for | administers_series | is_chair, floor=True)
rules.add_perm(
    "meeting.open_workspace",
    administers_series | is_focal_point | is_rapporteur | is_chair,
)

# The directory is shared by every series.
rules.add_perm(
    "directory.add_entry",
    is_site_administrator | is_secretariat_somewhere | is_focal_point_somewhere,
)
# A convening group is added by whoever may create a series, from the series' form.
rules.add_perm("directory.add_convening_group", is_site_administrator | is_secretariat_somewhere)
# A convening group is changed by the secretariats of the series it convenes.
rules.add_perm("convening_group.edit", is_site_administrator | convenes_for_the_user)
# Finding people and organisations of the whole directory, to pick a speaker.
rules.add_perm("directory.search", is_site_administrator | prepares_a_series_somewhere)
# An entry of the directory is changed by the secretariat of the series that
# use it (all of them), and a person's by that person too; it is read, with
# its biography, by the secretariat of any series that uses it.
rules.add_perm("person.edit", is_site_administrator | is_the_person | owns_the_entry)
rules.add_perm(
    "person.view_details",
    is_site_administrator | is_the_person | is_secretariat_of_a_series_using | owns_the_entry,
)
rules.add_perm("organisation.edit", is_site_administrator | owns_the_entry)
rules.add_perm("person.confirm", is_the_person)


# Convener issue 12 (publishing, exchange, access, api, roles): the permissions
# of their state changes that no view asked for by name before.


@rules.predicate
def series_is_public(user: Any, obj: Any) -> bool:
    series = series_of(obj)
    return series is not None and series.is_published


@rules.predicate
def is_signed_in(user: Any) -> bool:
    return bool(user.is_authenticated and user.is_active)


@rules.predicate
def invitation_is_open(user: Any, invitation: Any) -> bool:
    """Neither accepted, nor withdrawn, nor expired: its link still works."""
    return (
        invitation is not None
        and invitation.accepted_at is None
        and invitation.revoked_at is None
        and invitation.expires_at > timezone.now()
    )


@rules.predicate
def series_has_no_secretariat(user: Any, obj: Any) -> bool:
    """A series just created: nobody runs it yet."""
    series = series_of(obj)
    return series is not None and not series.grants.filter(role=Role.SECRETARIAT).exists()


@rules.predicate
def owns_the_token(user: Any, token: Any) -> bool:
    return bool(user.is_authenticated and user.is_active and token.user_id == user.pk)


@rules.predicate
def imports_into_a_series_of_theirs(user: Any, document: Any) -> bool:
    """A series file: the user runs the series it describes, or may create it
    when it does not exist yet."""
    series = Series.objects.filter(slug=document.series.slug).first()
    if series is None:
        return bool(is_secretariat_somewhere(user))
    return bool(is_secretariat(user, series))


# Reading a series' documents, also as a file built in the background: the
# public's pages, or its drafts.
rules.add_perm("series.read", series_is_public | reads_the_drafts)
# Keeping the site's stored files in order (`publishing.domain.builds`): the
# administrators, and the operator at the command line (`convener worker`).
rules.add_perm("site.maintain", is_site_administrator)
# Importing a series file (`exchange.domain.importer`).
rules.add_perm("series.import", is_site_administrator | imports_into_a_series_of_theirs)
# Giving a role: the secretariat; a series just created gets its first
# secretariat, its creator, from whoever may create series.
rules.add_perm(
    "series.grant_role",
    administers_series | (is_secretariat_somewhere & series_has_no_secretariat),
)
# Following the link of an invitation: whoever is signed in with it, while it is open.
rules.add_perm("invitation.accept", is_signed_in & invitation_is_open)
# Personal API tokens: any signed-in user makes their own, and only they revoke it.
rules.add_perm("api.create_token", is_signed_in)
rules.add_perm("api.revoke_token", owns_the_token)


# Convener issue 17 (levels confirmed by the secretariat): the secretariat of
# the series (protocol) confirms or corrects the level of representation a
# delegation proposes; only a confirmed level counts for the list of speakers.
_add_locked_perm("meeting.confirm_levels", administers_series, floor=True)


# Convener issue 14 (the interface's language): a user's own account settings
# are theirs alone to change.


@rules.predicate
def is_the_account_holder(user: Any, account: Any) -> bool:
    return bool(
        user.is_authenticated and user.is_active and account is not None and account.pk == user.pk
    )


rules.add_perm("account.change_settings", is_the_account_holder)


# Convener issue 14 (content in several languages): a text's versions in the
# languages other than its original. The secretariat writes any of them; a
# translator only the language of their grant, in their series; nobody
# writes the original through a version (it is edited where it lives).


def _series_of_text(place: Any) -> Any:
    return series_of(getattr(place, "obj", None))


@rules.predicate
def is_not_the_original(user: Any, place: Any) -> bool:
    series = _series_of_text(place)
    return series is not None and place.language != series.language


@rules.predicate
def administers_series_of_text(user: Any, place: Any) -> bool:
    return bool(administers_series(user, _series_of_text(place)))


@rules.predicate
def translates_into_its_language(user: Any, place: Any) -> bool:
    """The user is a translator of the text's series, into the language of `place`."""
    series = _series_of_text(place)
    return series is not None and any(
        g.language == place.language for g in _grants(user, Role.TRANSLATOR, series.pk)
    )


is_translator = _series_role(Role.TRANSLATOR, "is_translator")


rules.add_perm(
    "text.translate",
    is_not_the_original & (administers_series_of_text | translates_into_its_language),
)
rules.add_perm("series.view_translations", administers_series | is_translator)


# Commitments (Convener issue 15): marking a statement's points as
# recommendations or commitments is part of writing the record, so final once
# the meeting is reported; following a commitment (its status and notes) goes
# on long after, so it is not locked. The tracker is read by who writes the
# records of the series.


is_rapporteur_in_series = _series_role(Role.RAPPORTEUR, "is_rapporteur_in_series")


_add_locked_perm("meeting.mark_commitments", administers_series | is_rapporteur)
rules.add_perm("commitment.track", administers_series)
rules.add_perm("series.view_commitments", administers_series | is_rapporteur_in_series)

# Themes (Convener issue 15): the secretariat shapes the themes of its series
# (names, descriptions, which statement is in which, recomputing them); whoever
# holds a role in the series reads them in the workspace; the rapporteur and
# the secretariat confirm or dismiss the SDG targets suggested for a meeting's
# statements, while the meeting is open for changes.
rules.add_perm("series.edit_themes", administers_series)
rules.add_perm("series.view_themes", is_site_administrator | holds_a_role_in)
_add_locked_perm("meeting.review_sdg_targets", administers_series | is_rapporteur)
