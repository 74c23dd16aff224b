import datetime

import pytest
from django.contrib.auth.models import AnonymousUser

from convener.meetings.models import MeetingStatus
from convener.meetings.queries.series import series_for_home, series_for_page
from tests.factories import (
    ConceptNoteSectionFactory,
    ConveningGroupChairFactory,
    MeetingFactory,
    OrganisationFactory,
    SeriesFactory,
    secretariat_of,
)

pytestmark = pytest.mark.django_db

PUBLIC = AnonymousUser()


def test_series_for_home_gives_the_chair_in_the_year_of_the_event_by_acronym():
    series = SeriesFactory(prepared_event_date=datetime.date(2016, 9, 19))
    ConveningGroupChairFactory(group=series.convening_group, year=2015)
    ConveningGroupChairFactory(
        group=series.convening_group,
        year=2016,
        organisation=OrganisationFactory(acronym="UN Women"),
    )

    assert series_for_home(PUBLIC).get().convening_chair == "UN Women"


def test_series_for_home_gives_the_chair_by_name_when_it_has_no_acronym():
    series = SeriesFactory(prepared_event_date=datetime.date(2016, 9, 19))
    ConveningGroupChairFactory(
        group=series.convening_group,
        year=2016,
        organisation=OrganisationFactory(name="Global Forum", acronym=""),
    )

    assert series_for_home(PUBLIC).get().convening_chair == "Global Forum"


def test_series_for_home_gives_no_chair_when_none_that_year():
    series = SeriesFactory(prepared_event_date=datetime.date(2016, 9, 19))
    ConveningGroupChairFactory(group=series.convening_group, year=2017)

    assert series_for_home(PUBLIC).get().convening_chair is None


def test_series_for_page_concept_note_holds_only_series_sections():
    meeting = MeetingFactory()
    section = ConceptNoteSectionFactory(series=meeting.series)
    ConceptNoteSectionFactory(meeting=meeting)

    assert series_for_page(PUBLIC).get().concept_note == [section]


def test_series_for_page_meeting_list_leaves_out_drafts_for_the_public():
    public = MeetingFactory()
    MeetingFactory(series=public.series, status=MeetingStatus.DRAFT)

    assert series_for_page(PUBLIC).get().meeting_list == [public]


def test_series_for_page_meeting_list_is_in_number_order_for_its_secretariat():
    series = SeriesFactory()
    second = MeetingFactory(series=series, number=2, status=MeetingStatus.DRAFT)
    first = MeetingFactory(series=series, number=1)

    assert series_for_page(secretariat_of(series)).get().meeting_list == [first, second]
