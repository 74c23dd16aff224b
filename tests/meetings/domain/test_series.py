"""Creating a series, editing its facts and writing its concept note."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from convener.audit.actors import command_line_operator
from convener.meetings.domain.meetings import create_meeting, set_co_chairs, set_co_organisers
from convener.meetings.domain.series import (
    add_section,
    create_series,
    delete_section,
    move_section,
    reorder_sections,
    update_section,
    update_series,
)
from convener.meetings.models import ConceptNoteSection, MeetingStatus, Series, SeriesStatus
from convener.roles.models import Grant, Role
from tests.factories import (
    AdministratorFactory,
    ConceptNoteSectionFactory,
    CoOrganiserFactory,
    MeetingFactory,
    OrganisationFactory,
    PersonFactory,
    SeriesFactory,
    StateFactory,
    UserFactory,
    secretariat_of,
)

pytestmark = pytest.mark.django_db


def test_create_series_makes_its_creator_its_secretariat():
    creator = secretariat_of(SeriesFactory())

    series = create_series(slug="gmg-2017", fields={"title": "Panels of 2017"}, by=creator)

    assert series.status == SeriesStatus.DRAFT
    assert Grant.objects.filter(user=creator, series=series, role=Role.SECRETARIAT).exists()


def test_create_series_gives_the_site_administrator_no_role():
    series = create_series(slug="gmg-2017", fields={"title": "Panels"}, by=AdministratorFactory())

    assert not Grant.objects.filter(series=series).exists()


def test_create_series_refuses_an_address_in_use():
    SeriesFactory(slug="gmg-2017")

    with pytest.raises(ValidationError) as raised:
        create_series(
            slug="gmg-2017", fields={"title": "Again"}, by=secretariat_of(SeriesFactory())
        )

    assert list(raised.value.message_dict) == ["slug"]


def test_create_series_refuses_an_unknown_time_zone_and_an_empty_title():
    with pytest.raises(ValidationError) as raised:
        create_series(
            slug="gmg-2017",
            fields={"title": "", "timezone": "New York"},
            by=AdministratorFactory(),
        )

    assert sorted(raised.value.message_dict) == ["timezone", "title"]


def test_update_series_saves_nothing_when_a_value_breaks_a_rule():
    series = SeriesFactory(venue="Geneva")

    with pytest.raises(ValidationError):
        update_series(
            series=series,
            changes={"venue": "New York", "timezone": "Mars"},
            by=secretariat_of(series),
        )

    series.refresh_from_db()
    assert series.venue == "Geneva"


def test_update_series_does_not_change_its_address_or_status():
    with pytest.raises(ValueError, match="slug, status"):
        update_series(
            series=SeriesFactory(),
            changes={"slug": "x", "status": "draft"},
            by=AdministratorFactory(),
        )


def test_sections_are_added_at_the_end_of_their_own_concept_note():
    meeting = MeetingFactory()
    ConceptNoteSectionFactory(series=meeting.series, order=5)
    secretariat = secretariat_of(meeting.series)

    first = add_section(
        series=meeting.series,
        meeting=meeting,
        fields={"kind": "format", "heading": "Format", "body": "A lunch."},
        by=secretariat,
    )
    second = add_section(
        series=meeting.series,
        fields={"kind": "venue", "heading": "Venue", "body": "Room 7."},
        by=secretariat,
    )

    assert (first.meeting, first.order) == (meeting, 0)
    assert (second.meeting, second.order) == (None, 6)


def test_add_section_refuses_an_empty_heading_or_text():
    series = SeriesFactory()
    with pytest.raises(ValidationError) as raised:
        add_section(
            series=series,
            fields={"kind": "format", "heading": "  ", "body": ""},
            by=secretariat_of(series),
        )

    assert sorted(raised.value.message_dict) == ["body", "heading"]


def test_add_section_refuses_a_meeting_of_another_series():
    series = SeriesFactory()
    with pytest.raises(ValidationError) as raised:
        add_section(
            series=series,
            meeting=MeetingFactory(),
            fields={"kind": "format", "heading": "Format", "body": "Text"},
            by=secretariat_of(series),
        )

    assert list(raised.value.message_dict) == ["meeting"]


def test_update_and_delete_section():
    section = ConceptNoteSectionFactory(heading="Old")
    secretariat = secretariat_of(section.series)

    update_section(section=section, changes={"heading": "New"}, by=secretariat)
    assert ConceptNoteSection.objects.get().heading == "New"

    delete_section(section=section, by=secretariat)
    assert not ConceptNoteSection.objects.exists()


def test_reorder_sections_needs_every_section_once():
    series = SeriesFactory()
    first, second = ConceptNoteSectionFactory.create_batch(2, series=series)

    with pytest.raises(ValidationError) as raised:
        reorder_sections(series=series, order=[second.pk], by=secretariat_of(series))
    assert list(raised.value.message_dict) == ["order"]

    reorder_sections(series=series, order=[second.pk, first.pk], by=secretariat_of(series))
    assert list(series.sections.order_by("order")) == [second, first]


def test_move_section_stops_at_the_top():
    series = SeriesFactory()
    first, second, third = ConceptNoteSectionFactory.create_batch(3, series=series)

    secretariat = secretariat_of(series)

    move_section(section=third, by_places=-1, by=secretariat)
    assert list(series.sections.order_by("order")) == [first, third, second]

    move_section(section=first, by_places=-1, by=secretariat)
    assert list(series.sections.order_by("order")) == [first, third, second]


def test_a_user_without_a_role_creates_no_series():
    with pytest.raises(PermissionDenied):
        create_series(slug="gmg-2017", fields={"title": "Panels"}, by=UserFactory())

    assert not Series.objects.exists()


def test_the_concept_note_of_a_reported_meeting_is_final_for_its_secretariat():
    meeting = MeetingFactory(status=MeetingStatus.REPORTED)
    section = ConceptNoteSectionFactory(series=meeting.series, meeting=meeting, heading="Old")
    secretariat = secretariat_of(meeting.series)

    with pytest.raises(PermissionDenied):
        update_section(section=section, changes={"heading": "New"}, by=secretariat)
    with pytest.raises(PermissionDenied):
        delete_section(section=section, by=secretariat)

    assert ConceptNoteSection.objects.get().heading == "Old"


def test_the_secretariat_of_another_series_changes_nothing_in_this_one():
    section = ConceptNoteSectionFactory(heading="Old")
    outsider = secretariat_of(SeriesFactory())

    with pytest.raises(PermissionDenied):
        update_series(series=section.series, changes={"venue": "Bonn"}, by=outsider)
    with pytest.raises(PermissionDenied):
        update_section(section=section, changes={"heading": "New"}, by=outsider)

    assert ConceptNoteSection.objects.get().heading == "Old"
    assert Series.objects.get(pk=section.series_id).venue != "Bonn"


def test_create_meeting_takes_the_next_number_and_starts_as_a_draft():
    series = SeriesFactory()
    MeetingFactory(series=series, number=4)

    meeting = create_meeting(series=series, fields={"title": "Lunch"}, by=command_line_operator())

    assert (meeting.number, meeting.status) == (5, MeetingStatus.DRAFT)
    assert (meeting.date, meeting.start_time, meeting.room) == (None, None, "")


def test_create_meeting_needs_a_title():
    with pytest.raises(ValidationError) as raised:
        create_meeting(series=SeriesFactory(), fields={"room": "7"}, by=command_line_operator())

    assert list(raised.value.message_dict) == ["title"]


def test_set_co_organisers_keeps_the_links_that_stay_and_their_new_order():
    kept = CoOrganiserFactory(order=0)
    meeting = kept.meeting
    dropped = CoOrganiserFactory(meeting=meeting, order=1)
    added = OrganisationFactory()

    set_co_organisers(
        meeting=meeting, organisations=[added, kept.organisation], by=command_line_operator()
    )

    links = list(meeting.co_organiser_links.order_by("order"))
    assert [link.organisation for link in links] == [added, kept.organisation]
    assert links[1].pk == kept.pk
    assert not meeting.co_organiser_links.filter(organisation=dropped.organisation).exists()


def test_set_co_organisers_refuses_an_organisation_twice():
    organisation = OrganisationFactory()

    with pytest.raises(ValidationError) as raised:
        set_co_organisers(
            meeting=MeetingFactory(),
            organisations=[organisation, organisation],
            by=command_line_operator(),
        )

    assert list(raised.value.message_dict) == ["co_organisers"]


def test_set_co_chairs_with_and_without_a_representative():
    meeting = MeetingFactory()
    mexico, sweden = StateFactory(), StateFactory()
    ambassador = PersonFactory()

    set_co_chairs(
        meeting=meeting,
        co_chairs=[(sweden, None), (mexico, ambassador)],
        by=command_line_operator(),
    )

    assert [(c.state, c.person) for c in meeting.co_chairs.order_by("order")] == [
        (sweden, None),
        (mexico, ambassador),
    ]


def test_set_co_chairs_names_a_state_formally_where_asked():
    meeting = MeetingFactory()
    netherlands, mexico = StateFactory(), StateFactory()

    set_co_chairs(
        meeting=meeting,
        co_chairs=[(netherlands, None, True), (mexico, None)],
        by=command_line_operator(),
    )
    set_co_chairs(
        meeting=meeting,
        co_chairs=[(netherlands, None, True), (mexico, None, True)],
        by=command_line_operator(),
    )

    assert [(c.state, c.named_formally) for c in meeting.co_chairs.order_by("order")] == [
        (netherlands, True),
        (mexico, True),
    ]


def test_set_co_chairs_refuses_a_state_twice():
    state = StateFactory()

    with pytest.raises(ValidationError) as raised:
        set_co_chairs(
            meeting=MeetingFactory(),
            co_chairs=[(state, None), (state, None)],
            by=command_line_operator(),
        )

    assert list(raised.value.message_dict) == ["co_chairs"]
