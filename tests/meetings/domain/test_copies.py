"""Starting a meeting or a series from an earlier one: its plan, none of its record."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied

from convener.audit.models import AuditAction, AuditEntry
from convener.meetings.domain.copies import meeting_from_template, series_from_template
from convener.meetings.models import (
    CoChairBalance,
    Meeting,
    MeetingStatus,
    Participation,
    SegmentKind,
    Series,
    SeriesStatus,
)
from convener.records.models import Intervention
from convener.roles.models import Grant, Role
from tests.factories import (
    CoChairFactory,
    ConceptNoteSectionFactory,
    CoOrganiserFactory,
    GrantFactory,
    InterventionFactory,
    MeetingFactory,
    ParticipationFactory,
    ReferenceDocumentFactory,
    SegmentFactory,
    SeriesFactory,
    StateClassificationFactory,
    UserFactory,
    secretariat_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def template():
    """A reported meeting with a full plan and a record."""
    meeting = MeetingFactory(
        status=MeetingStatus.REPORTED,
        number=1,
        title="Human mobility and climate change",
        summary="Seven Member States took the floor.",
        format_note="A lunch.",
    )
    CoOrganiserFactory(meeting=meeting, order=0)
    CoChairFactory(meeting=meeting, order=0)
    ConceptNoteSectionFactory(meeting=meeting, series=meeting.series, heading="Objectives")
    opening = SegmentFactory(
        meeting=meeting,
        key="opening",
        kind=SegmentKind.OPENING_REMARKS,
        title="",
        order=0,
        duration=10,
    )
    panel = SegmentFactory(
        meeting=meeting, key="panel-1", title="Panel 1", order=1, duration=60, summary="Said."
    )
    ParticipationFactory(segment=opening, order=0, confirmed_at=datetime.datetime.now(datetime.UTC))
    ParticipationFactory(segment=panel, order=0, speaking_time=10)
    InterventionFactory(segment=panel)
    return meeting


def test_a_meeting_from_a_template_is_a_draft_to_be_dated(template):
    copy = meeting_from_template(
        template=template, series=template.series, by=secretariat_of(template.series)
    )

    assert (copy.number, copy.status, copy.title) == (2, MeetingStatus.DRAFT, template.title)
    assert (copy.date, copy.start_time, copy.end_time, copy.room) == (None, None, None, "")
    assert copy.venue == template.venue
    assert copy.format_note == "A lunch."


def test_a_meeting_from_a_template_takes_the_programme_shape(template):
    copy = meeting_from_template(
        template=template, series=template.series, by=secretariat_of(template.series)
    )

    assert [(s.key, s.kind, s.title, s.duration) for s in copy.segments.order_by("order")] == [
        ("opening", SegmentKind.OPENING_REMARKS, "", 10),
        ("panel-1", SegmentKind.PANEL, "Panel 1", 60),
    ]
    copied = Participation.objects.filter(segment__meeting=copy).order_by("segment__order")
    original = Participation.objects.filter(segment__meeting=template).order_by("segment__order")
    assert [(p.person_id, p.role, p.speaking_time) for p in copied] == [
        (p.person_id, p.role, p.speaking_time) for p in original
    ]
    assert all(p.confirmed_at is None for p in copied)


def test_a_meeting_from_a_template_takes_its_organisers_and_concept_note(template):
    copy = meeting_from_template(
        template=template, series=template.series, by=secretariat_of(template.series)
    )

    assert list(copy.co_organiser_links.values_list("organisation_id", flat=True)) == list(
        template.co_organiser_links.values_list("organisation_id", flat=True)
    )
    assert list(copy.co_chairs.values_list("state_id", "person_id")) == [
        (template.co_chairs.get().state_id, None)
    ]
    assert list(copy.sections.values_list("heading", flat=True)) == ["Objectives"]


def test_a_meeting_from_a_template_never_takes_its_record(template):
    copy = meeting_from_template(
        template=template, series=template.series, by=secretariat_of(template.series)
    )

    assert copy.summary == ""
    assert not Intervention.objects.filter(segment__meeting=copy).exists()
    assert not copy.segments.exclude(summary="").exists()


def test_a_meeting_from_a_template_is_one_audit_entry(template):
    copy = meeting_from_template(
        template=template,
        series=template.series,
        title="Next panel",
        by=secretariat_of(template.series),
    )

    [entry] = AuditEntry.objects.filter(meeting=copy)
    assert entry.action == AuditAction.CREATED
    assert entry.target.startswith("Meeting 2: Next panel, from meeting 1 of ")


def test_a_meeting_goes_only_to_a_series_the_user_manages(template):
    other = SeriesFactory()

    with pytest.raises(PermissionDenied):
        meeting_from_template(template=template, series=other, by=secretariat_of(template.series))

    assert not other.meetings.exists()


def test_a_meeting_is_not_copied_from_a_draft_the_user_cannot_read():
    hidden = MeetingFactory(status=MeetingStatus.DRAFT, series=SeriesFactory())
    mine = SeriesFactory()

    with pytest.raises(PermissionDenied):
        meeting_from_template(template=hidden, series=mine, by=secretariat_of(mine))


def test_a_series_from_a_template_copies_its_plan_and_meetings(template):
    series = template.series
    series.co_chair_balance = CoChairBalance.DEVELOPING_AND_DEVELOPED
    series.save()
    StateClassificationFactory(series=series)
    ConceptNoteSectionFactory(series=series, heading="Background")
    ReferenceDocumentFactory(series=series, symbol="A/70/59")
    MeetingFactory(series=series, number=2, title="Labour migration")
    secretariat = secretariat_of(series)

    copy = series_from_template(template=series, slug="gmg-2017", title="GMG 2017", by=secretariat)

    assert (copy.status, copy.title, copy.timezone) == (
        SeriesStatus.DRAFT,
        "GMG 2017",
        series.timezone,
    )
    assert copy.co_chair_balance == CoChairBalance.DEVELOPING_AND_DEVELOPED
    assert copy.classifications.count() == 1
    assert list(copy.sections.filter(meeting=None).values_list("heading", flat=True)) == [
        "Background"
    ]
    assert list(copy.references.values_list("symbol", flat=True)) == ["A/70/59"]
    assert list(copy.meetings.values_list("number", "title", "date")) == [
        (1, "Human mobility and climate change", None),
        (2, "Labour migration", None),
    ]
    assert Grant.objects.filter(user=secretariat, series=copy, role=Role.SECRETARIAT).exists()


def test_a_series_copy_leaves_out_the_drafts_the_user_cannot_read():
    series = SeriesFactory(status=SeriesStatus.PUBLISHED)
    MeetingFactory(series=series, number=1, status=MeetingStatus.PUBLISHED)
    MeetingFactory(series=series, number=2, status=MeetingStatus.DRAFT)
    outsider = GrantFactory(series=SeriesFactory(), role=Role.SECRETARIAT).user

    copy = series_from_template(template=series, slug="copy", title="Copy", by=outsider)

    assert copy.meetings.count() == 1
    assert Meeting.objects.filter(series=series).count() == 2


def test_a_user_who_may_create_no_series_copies_none(template):
    rapporteur = GrantFactory(series=template.series, role=Role.RAPPORTEUR).user

    with pytest.raises(PermissionDenied):
        series_from_template(template=template.series, slug="copy", title="Copy", by=rapporteur)
    with pytest.raises(PermissionDenied):
        series_from_template(template=template.series, slug="copy", title="Copy", by=UserFactory())

    assert list(Series.objects.all()) == [template.series]


def test_a_series_copy_keeps_the_default_language_of_its_pages(template):
    series = template.series
    series.default_language = "es"
    series.save()

    copy = series_from_template(
        template=series, slug="gmg-2017", title="GMG 2017", by=secretariat_of(series)
    )

    assert copy.default_language == "es"
