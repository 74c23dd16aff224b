import pytest
from django.contrib.auth.models import AnonymousUser

from convener.meetings.models import MeetingStatus, Participation, SeriesStatus
from convener.meetings.queries.visibility import (
    command_line_reader,
    reads_drafts_of,
    reads_every_draft,
    series_drafts_reader,
    visible_meeting_q,
    visible_meetings,
    visible_series,
)
from tests.factories import (
    AdministratorFactory,
    GrantFactory,
    MeetingFactory,
    OrganisationFactory,
    ParticipationFactory,
    PersonFactory,
    SeriesFactory,
    StaffFactory,
    StateFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

PUBLIC = AnonymousUser()


def test_reads_every_draft_is_false_for_the_public():
    assert reads_every_draft(PUBLIC) is False


def test_reads_every_draft_is_false_for_a_user_without_grants():
    assert reads_every_draft(UserFactory()) is False


def test_staff_flag_alone_reads_no_draft():
    draft = SeriesFactory(status=SeriesStatus.DRAFT)
    staff = StaffFactory()

    assert reads_every_draft(staff) is False
    assert reads_drafts_of(staff, draft) is False
    assert staff.has_perm("series.view_drafts", draft) is False
    assert list(visible_series(staff)) == []


def test_reads_every_draft_is_true_for_the_site_administrator():
    assert reads_every_draft(AdministratorFactory()) is True


def test_reads_every_draft_is_false_for_a_deactivated_site_administrator():
    assert reads_every_draft(AdministratorFactory(is_active=False)) is False


def test_command_line_reader_reads_every_draft():
    SeriesFactory.create_batch(2, status=SeriesStatus.DRAFT)

    assert visible_series(command_line_reader()).count() == 2


def _grant(series, role):
    """A user holding `role` in the series, with the narrowing the role needs."""
    narrowing = {
        "focal_point": {"organisation": OrganisationFactory()},
        "delegation": {"state": StateFactory()},
        "speaker": {"person": PersonFactory()},
    }.get(role, {})
    return GrantFactory(series=series, role=role, **narrowing).user


@pytest.mark.parametrize("role", ["secretariat", "focal_point", "rapporteur", "chair"])
def test_a_role_preparing_the_series_reads_its_drafts_only(role):
    mine, other = SeriesFactory.create_batch(2, status=SeriesStatus.DRAFT)
    user = _grant(mine, role)

    assert reads_drafts_of(user, mine) is True
    assert reads_drafts_of(user, other) is False
    assert user.has_perm("series.view_drafts", mine) is True
    assert list(visible_series(user)) == [mine]


@pytest.mark.parametrize("role", ["delegation", "speaker"])
def test_a_role_not_preparing_the_series_reads_no_draft(role):
    series = SeriesFactory(status=SeriesStatus.DRAFT)
    user = _grant(series, role)

    assert reads_drafts_of(user, series) is False
    assert list(visible_series(user)) == []


def test_series_drafts_reader_reads_the_drafts_of_its_series_only():
    mine = MeetingFactory(status=MeetingStatus.DRAFT, series__status=SeriesStatus.DRAFT)
    MeetingFactory(status=MeetingStatus.DRAFT, series__status=SeriesStatus.DRAFT)

    assert list(visible_meetings(series_drafts_reader(mine.series_id))) == [mine]


def test_visible_series_for_the_public_are_the_published_ones():
    published = SeriesFactory(status=SeriesStatus.PUBLISHED)
    SeriesFactory(status=SeriesStatus.DRAFT)

    assert list(visible_series(PUBLIC)) == [published]


def test_visible_series_for_the_site_administrator_include_drafts():
    SeriesFactory.create_batch(2, status=SeriesStatus.DRAFT)

    assert visible_series(AdministratorFactory()).count() == 2


@pytest.mark.parametrize(
    ("status", "visible"),
    [
        (MeetingStatus.DRAFT, False),
        (MeetingStatus.PUBLISHED, True),
        (MeetingStatus.HELD, True),
        (MeetingStatus.REPORTED, True),
    ],
)
def test_visible_meetings_for_the_public_by_status(status, visible):
    meeting = MeetingFactory(status=status)

    assert (meeting in visible_meetings(PUBLIC)) is visible


def test_visible_meetings_for_the_public_leave_out_those_of_a_draft_series():
    MeetingFactory(status=MeetingStatus.PUBLISHED, series__status=SeriesStatus.DRAFT)

    assert not visible_meetings(PUBLIC).exists()


def test_visible_meetings_for_the_site_administrator_include_drafts():
    meeting = MeetingFactory(status=MeetingStatus.DRAFT, series__status=SeriesStatus.DRAFT)

    assert list(visible_meetings(AdministratorFactory())) == [meeting]


def test_visible_meeting_q_follows_a_path_to_the_meeting():
    public = ParticipationFactory()
    ParticipationFactory(segment__meeting__status=MeetingStatus.DRAFT)

    found = Participation.objects.filter(visible_meeting_q(PUBLIC, path="segment__meeting"))

    assert list(found) == [public]
