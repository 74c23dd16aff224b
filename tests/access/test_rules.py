"""Who may do what: every named permission, for every role, on every kind of object.

Each role is checked against the whole world below, so a permission that
reaches one object too far fails as surely as one that falls short:

- series A has meeting A1, co-organised by UNDP, and meeting A2, which is not;
- series B has meeting B1, also co-organised by UNDP;
- each meeting has a segment, a participation and an intervention;
- the directory has the speaker's own person and another one;
- the list of speakers of A1 has an inscription of the delegation's own
  State and one of another State; that of B1 one of the delegation's State.
"""

from __future__ import annotations

import datetime
from types import SimpleNamespace

import pytest
import rules
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from convener.access.models import Invitation
from convener.api.models import ApiToken
from convener.live.models import Inscription, Purpose
from convener.meetings.models import MeetingStatus, SeriesStatus
from convener.records.models import Capacity
from convener.roles.models import Role
from tests.factories import (
    AdministratorFactory,
    CoOrganiserFactory,
    GrantFactory,
    InterventionFactory,
    MeetingFactory,
    OrganisationFactory,
    ParticipationFactory,
    PersonFactory,
    SegmentFactory,
    SeriesFactory,
    StateFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

SERIES_PERMISSIONS = (
    "series.manage",
    "series.view_audit",
    "series.invite",
    "series.view_drafts",
    "series.open_workspace",
    "series.edit_report",
    "series.view_planning_checks",
    "series.view_confirmations",
    "series.remind_speakers",
)
MEETING_PERMISSIONS = (
    "meeting.manage",
    "meeting.edit_programme",
    "meeting.edit_records",
    "meeting.release_record",
    "meeting.chair",
    "meeting.request_floor",
    "meeting.open_workspace",
    "meeting.change_status",
    "meeting.view_floor",
    "meeting.view_planning_checks",
    "meeting.postpone",
    "meeting.cancel",
    "meeting.confirm_levels",
)
# Final once the meeting is reported.
LOCKED_WHEN_REPORTED = (
    "meeting.manage",
    "meeting.edit_programme",
    "meeting.edit_records",
    "meeting.release_record",
    "meeting.chair",
    "meeting.postpone",
    "meeting.cancel",
    "meeting.confirm_levels",
    "meeting.request_floor",
)
# Held only on a draft meeting (the world's meetings are published).
DRAFT_PERMISSIONS = ("meeting.delete",)
PERSON_PERMISSIONS = ("person.edit", "person.view_details", "person.confirm")
ORGANISATION_PERMISSIONS = ("organisation.edit",)
FLOOR_PERMISSIONS = ("floor.speak_for", "floor.withdraw")
# The secretariat confirms the levels proposed, on the meeting's console and
# on each inscription (Convener issue 17).
LEVEL_PERMISSIONS = ("meeting.confirm_levels",)
SITE_PERMISSIONS = (
    "series.create",
    "directory.add_entry",
    "directory.add_convening_group",
    "directory.search",
)

SERIES = ("A", "B")
MEETINGS = ("A1", "A2", "B1")
ROWS = ("segment", "participation", "intervention")
PEOPLE = ("own person", "other person", "person of A and B")
# In no series yet, so any secretariat's.
UNUSED_PEOPLE = ("own person", "other person")
ORGANISATIONS = ("UNDP, of A and B",)
CONVENING_GROUP_PERMISSIONS = ("convening_group.edit",)
# Series A's group convenes A alone; B's group also convenes a series C.
CONVENING_GROUPS = ("group of A", "group of B and C")
INSCRIPTIONS = ("own inscription in A1", "other inscription in A1", "own inscription in B1")


def _meeting_targets(*meetings: str) -> tuple[str, ...]:
    """A meeting and every row of its programme and records."""
    return tuple(target for m in meetings for target in (m, *(f"{row} of {m}" for row in ROWS)))


def _everything() -> set[tuple[str, str]]:
    return (
        {(p, s) for p in SERIES_PERMISSIONS for s in SERIES}
        | {(p, t) for p in MEETING_PERMISSIONS for t in _meeting_targets(*MEETINGS)}
        | {(p, t) for p in DRAFT_PERMISSIONS for t in _meeting_targets(*MEETINGS)}
        | {(p, person) for p in PERSON_PERMISSIONS for person in PEOPLE}
        | {(p, o) for p in ORGANISATION_PERMISSIONS for o in ORGANISATIONS}
        | {(p, g) for p in CONVENING_GROUP_PERMISSIONS for g in CONVENING_GROUPS}
        | {(p, i) for p in FLOOR_PERMISSIONS for i in INSCRIPTIONS}
        | {(p, i) for p in LEVEL_PERMISSIONS for i in INSCRIPTIONS}
        | {(p, "site") for p in SITE_PERMISSIONS}
    )


def _on(permissions: tuple[str, ...], targets: tuple[str, ...]) -> set[tuple[str, str]]:
    return {(p, t) for p in permissions for t in targets}


@pytest.fixture
def world():
    undp = OrganisationFactory(key="undp", acronym="UNDP")
    series = {"A": SeriesFactory(), "B": SeriesFactory()}
    meetings = {
        "A1": MeetingFactory(series=series["A"]),
        "A2": MeetingFactory(series=series["A"]),
        "B1": MeetingFactory(series=series["B"]),
    }
    CoOrganiserFactory(meeting=meetings["A1"], organisation=undp)
    CoOrganiserFactory(meeting=meetings["B1"], organisation=undp)
    objects = {**series, **meetings, "site": None}
    for name, meeting in meetings.items():
        segment = SegmentFactory(meeting=meeting)
        objects[f"segment of {name}"] = segment
        objects[f"participation of {name}"] = ParticipationFactory(segment=segment)
        objects[f"intervention of {name}"] = InterventionFactory(segment=segment)
    objects["own person"] = PersonFactory()
    objects["other person"] = PersonFactory()
    shared = ParticipationFactory(segment=objects["segment of A1"]).person
    ParticipationFactory(segment=objects["segment of B1"], person=shared)
    objects["person of A and B"] = shared
    objects["UNDP, of A and B"] = undp
    objects["group of A"] = series["A"].convening_group
    objects["group of B and C"] = series["B"].convening_group
    SeriesFactory(convening_group=series["B"].convening_group)
    own_state = StateFactory()
    for name, meeting, state in [
        ("own inscription in A1", meetings["A1"], own_state),
        ("other inscription in A1", meetings["A1"], StateFactory()),
        ("own inscription in B1", meetings["B1"], own_state),
    ]:
        objects[name] = Inscription.objects.create(
            meeting=meeting, state=state, capacity=Capacity.NATIONAL, purpose=Purpose.STATEMENT
        )
    return {
        "undp": undp,
        "own state": own_state,
        "series": series,
        "meetings": meetings,
        "objects": objects,
    }


def allowed(user, world) -> set[tuple[str, str]]:
    """Every (permission, object) pair of the world the user holds."""
    objects = world["objects"]
    return {(p, t) for p, t in _everything() if user.has_perm(p, objects[t])}


def role_in_a(world, role, **narrowing):
    return GrantFactory(series=world["series"]["A"], role=role, **narrowing).user


# Preparing any series lets one search the whole directory for speakers.
SEARCHES_DIRECTORY = {("directory.search", "site")}


# Asked by the domain's state changes only (Convener issue 12), each specified
# by a test of its own below.
STATE_CHANGE_PERMISSIONS = (
    "series.read",
    "series.import",
    "site.maintain",
    "series.grant_role",
    "invitation.accept",
    "api.create_token",
    "api.revoke_token",
    "account.change_settings",
)
# Texts in other languages (Convener issue 14), specified with the translator
# role in tests/texts/test_rules.py.
TRANSLATION_PERMISSIONS = ("text.translate", "series.view_translations")
# What the records yield (Convener issue 15), specified in tests/access/test_insight_rules.py.
INSIGHT_PERMISSIONS = (
    "series.view_themes",
    "series.edit_themes",
    "series.view_commitments",
    "meeting.mark_commitments",
    "meeting.review_sdg_targets",
    "commitment.track",
)


def test_every_named_permission_is_specified_here():
    specified = (
        {p for p, _ in _everything()}
        | set(STATE_CHANGE_PERMISSIONS)
        | set(TRANSLATION_PERMISSIONS)
        | set(INSIGHT_PERMISSIONS)
    )

    assert set(rules.permissions.permissions) == specified


def test_site_administrator_may_do_everything(world):
    assert allowed(AdministratorFactory(), world) == _everything()


def test_secretariat_runs_its_own_series_and_nothing_of_another(world):
    user = role_in_a(world, Role.SECRETARIAT)

    assert allowed(user, world) == (
        _on(SERIES_PERMISSIONS, ("A",))
        | _on(
            tuple(p for p in MEETING_PERMISSIONS if p != "meeting.request_floor"),
            _meeting_targets("A1", "A2"),
        )
        | _on(("person.edit", "person.view_details"), UNUSED_PEOPLE)
        # Series B shows them too: read, but changed by both secretariats only.
        | {("person.view_details", "person of A and B")}
        | _on(
            ("floor.withdraw", "meeting.confirm_levels"),
            ("own inscription in A1", "other inscription in A1"),
        )
        | _on(SITE_PERMISSIONS, ("site",))
        # Its series' group, not one that convenes another series too.
        | {("convening_group.edit", "group of A")}
    )


def test_secretariat_of_every_series_using_an_entry_changes_it(world):
    user = role_in_a(world, Role.SECRETARIAT)
    GrantFactory(user=user, series=world["series"]["B"], role=Role.SECRETARIAT)

    assert {
        (p, t) for p, t in allowed(user, world) if t in ("person of A and B", "UNDP, of A and B")
    } == _on(("person.edit", "person.view_details"), ("person of A and B",)) | {
        ("organisation.edit", "UNDP, of A and B")
    }


def test_focal_point_edits_the_programme_only_of_meetings_its_organisation_co_organises(world):
    user = role_in_a(world, Role.FOCAL_POINT, organisation=world["undp"])

    assert allowed(user, world) == (
        _on(("series.view_drafts", "series.open_workspace", "series.view_planning_checks"), ("A",))
        | _on(
            ("meeting.edit_programme", "meeting.open_workspace", "meeting.view_planning_checks"),
            _meeting_targets("A1"),
        )
        | {("directory.add_entry", "site")}
        | SEARCHES_DIRECTORY
    )


def test_focal_point_of_an_organisation_that_co_organises_nothing_edits_no_programme(world):
    user = role_in_a(world, Role.FOCAL_POINT, organisation=OrganisationFactory())

    assert not {p for p, _ in allowed(user, world)} & {
        "meeting.edit_programme",
        "meeting.open_workspace",
    }


def test_rapporteur_of_one_meeting_records_that_meeting_only(world):
    user = role_in_a(world, Role.RAPPORTEUR, meeting=world["meetings"]["A2"])

    assert allowed(user, world) == (
        _on(("series.view_drafts", "series.open_workspace"), ("A",))
        | _on(
            ("meeting.edit_records", "meeting.release_record", "meeting.open_workspace"),
            _meeting_targets("A2"),
        )
        | SEARCHES_DIRECTORY
    )


def test_rapporteur_of_the_series_records_every_meeting_and_writes_the_report_of_it_only(world):
    user = role_in_a(world, Role.RAPPORTEUR)

    assert allowed(user, world) == (
        _on(("series.view_drafts", "series.open_workspace", "series.edit_report"), ("A",))
        | _on(
            ("meeting.edit_records", "meeting.release_record", "meeting.open_workspace"),
            _meeting_targets("A1", "A2"),
        )
        | SEARCHES_DIRECTORY
    )


def test_chair_of_one_meeting_runs_the_floor_of_that_meeting_only(world):
    user = role_in_a(world, Role.CHAIR, meeting=world["meetings"]["A1"])

    assert allowed(user, world) == (
        _on(("series.view_drafts", "series.open_workspace"), ("A",))
        | _on(
            ("meeting.chair", "meeting.view_floor", "meeting.open_workspace"),
            _meeting_targets("A1"),
        )
        | _on(("floor.withdraw",), ("own inscription in A1", "other inscription in A1"))
        | SEARCHES_DIRECTORY
    )


def test_speaker_edits_and_confirms_only_their_own_person(world):
    user = role_in_a(world, Role.SPEAKER, person=world["objects"]["own person"])

    assert allowed(user, world) == (
        {("series.open_workspace", "A")} | _on(PERSON_PERMISSIONS, ("own person",))
    )


def test_delegation_requests_the_floor_for_its_own_state_in_its_series_only(world):
    user = role_in_a(world, Role.DELEGATION, state=world["own state"])

    assert allowed(user, world) == (
        {("series.open_workspace", "A")}
        | _on(("meeting.request_floor",), _meeting_targets("A1", "A2"))
        | _on(FLOOR_PERMISSIONS, ("own inscription in A1",))
    )


def test_user_without_a_role_may_do_nothing(world):
    assert allowed(UserFactory(), world) == set()


@pytest.mark.parametrize(
    "role",
    [Role.SECRETARIAT, Role.RAPPORTEUR, Role.CHAIR],
)
def test_inactive_user_holds_nothing_of_their_role(world, role):
    user = role_in_a(world, role)
    user.is_active = False
    user.save()

    assert allowed(user, world) == set()


def test_inactive_site_administrator_holds_nothing(world):
    assert allowed(AdministratorFactory(is_active=False), world) == set()


def test_inactive_speaker_may_not_edit_their_own_person(world):
    user = role_in_a(world, Role.SPEAKER, person=world["objects"]["own person"])
    user.is_active = False
    user.save()

    assert allowed(user, world) == set()


def test_roles_in_two_series_add_up_without_leaking(world):
    user = role_in_a(world, Role.RAPPORTEUR, meeting=world["meetings"]["A1"])
    GrantFactory(user=user, series=world["series"]["B"], role=Role.CHAIR)

    assert allowed(user, world) == (
        _on(("series.view_drafts", "series.open_workspace"), ("A", "B"))
        | _on(
            ("meeting.edit_records", "meeting.release_record", "meeting.open_workspace"),
            _meeting_targets("A1"),
        )
        | _on(
            ("meeting.chair", "meeting.view_floor", "meeting.open_workspace"),
            _meeting_targets("B1"),
        )
        | {("floor.withdraw", "own inscription in B1")}
        | SEARCHES_DIRECTORY
    )


def test_secretariat_deletes_a_meeting_of_its_series_only_while_it_is_a_draft(world):
    user = role_in_a(world, Role.SECRETARIAT)
    for name in ("A1", "B1"):
        world["meetings"][name].status = MeetingStatus.DRAFT
        world["meetings"][name].save()

    deletable = {t for p, t in allowed(user, world) if p == "meeting.delete"}

    assert deletable == set(_meeting_targets("A1"))


def test_a_cancelled_meeting_closes_its_floor_and_its_own_life_and_nothing_else(world):
    secretariat = role_in_a(world, Role.SECRETARIAT)
    delegation = role_in_a(world, Role.DELEGATION, state=world["own state"])
    while_open = {user: allowed(user, world) for user in (secretariat, delegation)}

    world["meetings"]["A1"].status = MeetingStatus.CANCELLED
    world["meetings"]["A1"].save()

    inscriptions_in_a1 = ("own inscription in A1", "other inscription in A1")
    assert while_open[secretariat] - allowed(secretariat, world) == (
        _on(
            ("meeting.chair", "meeting.postpone", "meeting.cancel", "meeting.confirm_levels"),
            _meeting_targets("A1"),
        )
        | _on(("floor.withdraw", "meeting.confirm_levels"), inscriptions_in_a1)
    )
    assert while_open[delegation] - allowed(delegation, world) == (
        _on(("meeting.request_floor",), _meeting_targets("A1"))
        | _on(FLOOR_PERMISSIONS, ("own inscription in A1",))
    )


def test_a_reported_meeting_is_final_for_every_role_but_its_status_and_reading(world):
    secretariat = role_in_a(world, Role.SECRETARIAT)
    delegation = role_in_a(world, Role.DELEGATION, state=world["own state"])
    while_open = {user: allowed(user, world) for user in (secretariat, delegation)}

    world["meetings"]["A1"].status = MeetingStatus.REPORTED
    world["meetings"]["A1"].save()

    inscriptions_in_a1 = ("own inscription in A1", "other inscription in A1")
    assert while_open[secretariat] - allowed(secretariat, world) == (
        _on(LOCKED_WHEN_REPORTED[:-1], _meeting_targets("A1"))
        | _on(("floor.withdraw", "meeting.confirm_levels"), inscriptions_in_a1)
    )
    assert while_open[delegation] - allowed(delegation, world) == (
        _on(("meeting.request_floor",), _meeting_targets("A1"))
        | _on(FLOOR_PERMISSIONS, ("own inscription in A1",))
    )
    assert allowed(secretariat, world) >= _on(
        ("meeting.change_status", "meeting.view_floor", "meeting.open_workspace"),
        _meeting_targets("A1"),
    )


def test_a_series_is_read_by_the_public_once_published_and_by_its_preparers_before(world):
    series = world["series"]["A"]
    rapporteur = role_in_a(world, Role.RAPPORTEUR)
    readers = (AnonymousUser(), UserFactory(), rapporteur, AdministratorFactory())
    series.status = SeriesStatus.DRAFT
    series.save()

    before = [user.has_perm("series.read", series) for user in readers]
    series.status = SeriesStatus.PUBLISHED
    series.save()

    assert before == [False, False, True, True]
    assert all(user.has_perm("series.read", series) for user in readers)


def test_roles_are_given_by_the_secretariat_and_a_new_series_its_first_by_its_creator(world):
    series = world["series"]["A"]
    secretariat = role_in_a(world, Role.SECRETARIAT)
    secretariat_of_b = GrantFactory(series=world["series"]["B"], role=Role.SECRETARIAT).user
    rapporteur = role_in_a(world, Role.RAPPORTEUR)
    new_series = SeriesFactory()

    assert secretariat.has_perm("series.grant_role", series)
    assert not secretariat_of_b.has_perm("series.grant_role", series)
    assert not rapporteur.has_perm("series.grant_role", series)
    # A series nobody runs yet: whoever may create a series gives it its first secretariat.
    assert secretariat_of_b.has_perm("series.grant_role", new_series)
    assert not rapporteur.has_perm("series.grant_role", new_series)


def test_an_invitation_is_accepted_by_a_signed_in_user_while_it_is_open(world):
    invitation = Invitation.objects.create(
        series=world["series"]["A"],
        role=Role.CHAIR,
        email="ana@example.org",
        secret_digest="0" * 64,
        expires_at=timezone.now() + datetime.timedelta(days=1),
    )
    user = UserFactory()

    assert user.has_perm("invitation.accept", invitation)
    assert not AnonymousUser().has_perm("invitation.accept", invitation)
    assert not UserFactory(is_active=False).has_perm("invitation.accept", invitation)
    invitation.revoked_at = timezone.now()
    assert not user.has_perm("invitation.accept", invitation)
    invitation.revoked_at, invitation.accepted_at = None, timezone.now()
    assert not user.has_perm("invitation.accept", invitation)
    invitation.accepted_at, invitation.expires_at = None, timezone.now()
    assert not user.has_perm("invitation.accept", invitation)


def test_a_token_is_made_by_a_signed_in_user_and_revoked_by_its_owner_only(world):
    owner, other = UserFactory(), UserFactory()
    token = ApiToken.objects.create(user=owner, name="Script", digest="0" * 64)

    assert owner.has_perm("api.create_token")
    assert not AnonymousUser().has_perm("api.create_token")
    assert not UserFactory(is_active=False).has_perm("api.create_token")
    assert owner.has_perm("api.revoke_token", token)
    assert not other.has_perm("api.revoke_token", token)
    # As everywhere, the site administrator may too (the pages show each user only their own).
    assert AdministratorFactory().has_perm("api.revoke_token", token)


def test_account_settings_are_changed_by_their_holder_only(world):
    holder = UserFactory()

    assert holder.has_perm("account.change_settings", holder)
    assert not UserFactory().has_perm("account.change_settings", holder)
    assert not AnonymousUser().has_perm("account.change_settings", holder)
    inactive = UserFactory(is_active=False)
    assert not inactive.has_perm("account.change_settings", inactive)


def test_a_series_file_is_imported_by_the_secretariat_of_its_series_or_of_a_new_one(world):
    series = world["series"]["A"]
    of_a = SimpleNamespace(series=SimpleNamespace(slug=series.slug))
    of_a_new_series = SimpleNamespace(series=SimpleNamespace(slug="a-new-series"))
    secretariat = role_in_a(world, Role.SECRETARIAT)
    secretariat_of_b = GrantFactory(series=world["series"]["B"], role=Role.SECRETARIAT).user
    rapporteur = role_in_a(world, Role.RAPPORTEUR)

    assert secretariat.has_perm("series.import", of_a)
    assert not secretariat_of_b.has_perm("series.import", of_a)
    assert not rapporteur.has_perm("series.import", of_a)
    assert secretariat_of_b.has_perm("series.import", of_a_new_series)
    assert not rapporteur.has_perm("series.import", of_a_new_series)
    assert AdministratorFactory().has_perm("series.import", of_a)


def test_the_site_is_kept_in_order_by_its_administrators_only(world):
    secretariat = role_in_a(world, Role.SECRETARIAT)

    assert AdministratorFactory().has_perm("site.maintain")
    assert not secretariat.has_perm("site.maintain")
    assert not AnonymousUser().has_perm("site.maintain")
