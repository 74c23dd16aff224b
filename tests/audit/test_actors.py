"""Who acts: a state change checks its permission, runs whole or not at all,
and the audit log names the user it was made by."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from convener.audit.actors import acts, command_line_operator, require
from convener.audit.log import acting_as
from convener.audit.models import AuditEntry
from convener.meetings.domain.workflow import MeetingIsReported
from convener.meetings.models import Meeting, MeetingStatus
from convener.roles.models import Role
from tests.factories import GrantFactory, MeetingFactory, UserFactory

pytestmark = pytest.mark.django_db


@acts("meeting.manage", on="meeting")
def retitle(*, meeting: Meeting, title: str, by: object) -> Meeting:
    meeting.title = title
    meeting.save()
    return meeting


@acts("meeting.manage", on="meeting")
def retitle_then_fail(*, meeting: Meeting, title: str, by: object) -> None:
    meeting.title = title
    meeting.save()
    raise ValueError("the second half of the change went wrong")


def secretariat_of(meeting: Meeting):
    return GrantFactory(series=meeting.series, role=Role.SECRETARIAT).user


def test_a_state_change_is_made_by_a_user_who_holds_the_permission():
    meeting = MeetingFactory(title="Old title")
    retitle(meeting=meeting, title="New title", by=secretariat_of(meeting))
    meeting.refresh_from_db()
    assert meeting.title == "New title"


def test_a_state_change_is_refused_to_a_user_without_the_permission_and_changes_nothing():
    meeting = MeetingFactory(title="Old title")
    with pytest.raises(PermissionDenied):
        retitle(meeting=meeting, title="New title", by=UserFactory())
    meeting.refresh_from_db()
    assert meeting.title == "Old title"


def test_a_state_change_is_refused_to_the_anonymous_user():
    meeting = MeetingFactory()
    with pytest.raises(PermissionDenied):
        retitle(meeting=meeting, title="New title", by=AnonymousUser())


def test_the_audit_entry_names_the_acting_user_whoever_the_request_belongs_to():
    meeting = MeetingFactory(title="Old title")
    secretariat = secretariat_of(meeting)
    someone_else = UserFactory()
    with acting_as(someone_else, via="web"):
        retitle(meeting=meeting, title="New title", by=secretariat)
    entry = AuditEntry.objects.filter(target_type="meetings.Meeting").latest("pk")
    assert (entry.user, entry.via, entry.changes["title"]) == (
        secretariat,
        "web",
        ["Old title", "New title"],
    )


def test_a_state_change_that_fails_halfway_leaves_nothing_behind():
    meeting = MeetingFactory(title="Old title")
    entries_before = AuditEntry.objects.count()
    with pytest.raises(ValueError, match="went wrong"):
        retitle_then_fail(meeting=meeting, title="New title", by=secretariat_of(meeting))
    meeting.refresh_from_db()
    assert (meeting.title, AuditEntry.objects.count()) == ("Old title", entries_before)


def test_the_command_line_operator_may_act_and_is_logged_as_the_command_line():
    meeting = MeetingFactory(title="Old title")
    retitle(meeting=meeting, title="New title", by=command_line_operator())
    entry = AuditEntry.objects.filter(target_type="meetings.Meeting").latest("pk")
    assert (entry.user, entry.user_name, entry.via) == (None, "", "command")


def test_require_says_when_the_meeting_being_reported_is_the_reason():
    meeting = MeetingFactory(status=MeetingStatus.REPORTED)
    with pytest.raises(MeetingIsReported):
        require(secretariat_of(meeting), "meeting.manage", meeting)


def test_the_decorated_function_names_its_permission():
    assert retitle.acts_with_permission == "meeting.manage"
