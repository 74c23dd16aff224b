"""The figures count what the records say: checked against the demo's records
and against small records made for each rule."""

import datetime
from collections import Counter
from pathlib import Path

import pytest
import yaml
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from convener.directory.models import Gender, OrganisationKind, RegionalGroup, State
from convener.live.models import Inscription, InscriptionStatus, Purpose, Turn
from convener.meetings.models import DevelopmentStatus, ProgrammeRole
from convener.participation.queries.figures import (
    meeting_figures,
    organisation_figures,
    series_figures,
    state_figures,
)
from convener.records.models import Capacity
from tests.factories import (
    CoChairFactory,
    InterventionFactory,
    MeetingFactory,
    OrganisationFactory,
    ParticipationFactory,
    PersonFactory,
    SegmentFactory,
    SeriesFactory,
    StateClassificationFactory,
    StateFactory,
    secretariat_of,
)

pytestmark = pytest.mark.django_db

DEMO = Path(__file__).parents[2] / "convener" / "demo" / "gmg-2016.yaml"
PUBLIC = AnonymousUser()


def rows(dashboard, key):
    return {row.label: row.value for row in dashboard.figure(key).rows}


def demo_meeting(number):
    data = yaml.safe_load(DEMO.read_text(encoding="utf-8"))
    return next(m for m in data["meetings"] if m["number"] == number)


def test_the_13_july_meeting_counts_its_six_member_states_by_regional_group(demo_series):
    meeting = demo_series.meetings.get(number=3)
    record = demo_meeting(3)
    spoke = [turn["state"] for turn in record["interventions"] if turn.get("state")]
    groups = Counter(State.objects.get(iso3=iso3).regional_group for iso3 in spoke)

    figures = meeting_figures(meeting, user=PUBLIC)

    assert meeting.date == datetime.date(2016, 7, 13)
    assert len(set(spoke)) == 6
    assert rows(figures, "regional-groups") == {
        RegionalGroup(group).label: count for group, count in groups.items()
    }
    assert rows(figures, "regional-groups") == {
        "African Group": 1,
        "Asia-Pacific Group": 1,
        "Latin American and Caribbean Group": 1,
        "Western European and Others Group": 3,
    }
    assert rows(figures, "kinds-of-speaker")["Member State"] == 6
    assert figures.turns == len(record["interventions"])


def test_the_13_july_meeting_counts_entities_and_civil_society_by_their_kind(demo_series):
    record = demo_meeting(3)["interventions"]
    data = yaml.safe_load(DEMO.read_text(encoding="utf-8"))
    kinds = {o["key"]: o["kind"] for o in data["organisations"]}
    by_kind = Counter(kinds[t["organisation"]] for t in record if t.get("organisation"))

    figures = meeting_figures(demo_series.meetings.get(number=3), user=PUBLIC)

    counted = rows(figures, "kinds-of-speaker")
    assert counted["UN entity"] == by_kind["un_entity"]
    assert counted["Civil society"] == by_kind["ngo"]
    assert counted["Academia"] == by_kind["academia"]


def test_a_record_not_yet_released_is_not_counted_for_the_public():
    meeting = MeetingFactory(record_released_at=None)
    InterventionFactory(segment__meeting=meeting)

    assert meeting_figures(meeting, user=PUBLIC).turns == 0
    assert meeting_figures(meeting, user=secretariat_of(meeting.series)).turns == 1


def test_kinds_of_speaker_come_from_the_state_and_the_kind_of_organisation():
    meeting = MeetingFactory()
    segment = SegmentFactory(meeting=meeting)
    mission = OrganisationFactory(kind=OrganisationKind.PERMANENT_MISSION, state=StateFactory())
    for organisation in [
        OrganisationFactory(kind=OrganisationKind.UN_ENTITY),
        OrganisationFactory(kind=OrganisationKind.NGO),
        OrganisationFactory(kind=OrganisationKind.PRIVATE_SECTOR),
        mission,
    ]:
        InterventionFactory(segment=segment, state=None, organisation=organisation)
    InterventionFactory(segment=segment)

    assert rows(meeting_figures(meeting, user=PUBLIC), "kinds-of-speaker") == {
        "Member State": 2,
        "UN entity": 1,
        "Civil society": 1,
        "Private sector": 1,
    }


def test_a_speaker_with_no_gender_recorded_has_a_bar_of_their_own():
    meeting = MeetingFactory()
    segment = SegmentFactory(meeting=meeting)
    InterventionFactory(segment=segment, speaker=PersonFactory(gender=Gender.FEMALE))
    InterventionFactory(segment=segment, speaker=PersonFactory(gender=Gender.FEMALE))
    InterventionFactory(segment=segment, speaker=PersonFactory(gender=""))
    InterventionFactory(segment=segment, speaker=None)

    assert rows(meeting_figures(meeting, user=PUBLIC), "gender") == {
        "Female": 2,
        "Not recorded": 2,
    }


def test_first_time_speakers_are_counted_at_the_first_meeting_they_spoke_at():
    series = SeriesFactory()
    first = MeetingFactory(series=series, number=1, date=datetime.date(2016, 4, 25))
    second = MeetingFactory(series=series, number=2, date=datetime.date(2016, 5, 25))
    old, new = StateFactory(), StateFactory()
    InterventionFactory(segment__meeting=first, state=old)
    InterventionFactory(segment__meeting=second, state=old)
    InterventionFactory(segment__meeting=second, state=new)

    assert rows(series_figures(series, user=PUBLIC), "first-time") == {
        "Meeting 1": 1,
        "Meeting 2": 1,
    }
    assert rows(meeting_figures(second, user=PUBLIC), "first-time") == {"Meeting 2": 1}


def test_co_chairs_are_counted_by_regional_group_and_by_the_series_classification():
    series = SeriesFactory()
    african = StateFactory(regional_group=RegionalGroup.AFRICAN)
    western = StateFactory(regional_group=RegionalGroup.WESTERN_EUROPEAN_OTHERS)
    StateClassificationFactory(series=series, state=african, status=DevelopmentStatus.DEVELOPING)
    StateClassificationFactory(series=series, state=western, status=DevelopmentStatus.DEVELOPED)
    for number in (1, 2):
        meeting = MeetingFactory(series=series, number=number)
        CoChairFactory(meeting=meeting, state=african)
        CoChairFactory(meeting=meeting, state=western)

    figures = series_figures(series, user=PUBLIC)

    assert rows(figures, "co-chairs") == {
        "African Group": 2,
        "Western European and Others Group": 2,
    }
    assert rows(figures, "co-chair-balance") == {"Developed": 2, "Developing": 2}


def test_panels_are_counted_by_the_panellists_recorded_gender_only():
    meeting = MeetingFactory()
    segment = SegmentFactory(meeting=meeting)
    ParticipationFactory(segment=segment, person=PersonFactory(gender=Gender.FEMALE))
    ParticipationFactory(segment=segment, person=PersonFactory(gender=Gender.MALE))
    ParticipationFactory(
        segment=segment, person=PersonFactory(gender=Gender.MALE), role=ProgrammeRole.MODERATOR
    )

    assert rows(meeting_figures(meeting, user=PUBLIC), "panel-gender") == {
        "Female": 1,
        "Male": 1,
    }


def test_a_state_and_an_organisation_are_counted_across_series_and_capacities():
    state = StateFactory()
    unhcr = OrganisationFactory(kind=OrganisationKind.UN_ENTITY)
    for title in ("Series 2016", "Series 2017"):
        meeting = MeetingFactory(series=SeriesFactory(title=title))
        InterventionFactory(segment__meeting=meeting, state=state)
        InterventionFactory(segment__meeting=meeting, state=None, organisation=unhcr, capacity="")
    InterventionFactory(segment__meeting=meeting, state=state, capacity=Capacity.GROUP)

    by_state = state_figures(state, user=PUBLIC)
    assert rows(by_state, "over-time") == {"Series 2016": 1, "Series 2017": 2}
    assert rows(by_state, "capacities") == {
        "National capacity": 2,
        "On behalf of a group of States": 1,
    }
    assert rows(organisation_figures(unhcr, user=PUBLIC), "capacities") == {"Not recorded": 2}


def test_speaking_time_is_counted_only_where_the_floors_timer_recorded_it():
    meeting = MeetingFactory()
    timed = InterventionFactory(segment__meeting=meeting)
    InterventionFactory(segment=timed.segment)
    inscription = Inscription.objects.create(
        meeting=meeting,
        state=timed.state,
        capacity=Capacity.NATIONAL,
        purpose=Purpose.STATEMENT,
        status=InscriptionStatus.SPOKE,
    )
    now = timezone.now()
    Turn.objects.create(
        meeting=meeting,
        inscription=inscription,
        segment=timed.segment,
        intervention=timed,
        limit=180,
        elapsed=150,
        given_at=now,
        ended_at=now,
    )

    figures = meeting_figures(meeting, user=PUBLIC)

    assert (figures.turns, figures.timed_turns) == (2, 1)
    assert rows(figures, "speaking-time") == {"Member State": 2.5}
    group = RegionalGroup(timed.state.regional_group).label
    assert rows(figures, "speaking-time-regional-groups") == {group: 2.5}
    assert rows(figures, "speaking-time-gender") == {"Not recorded": 2.5}


def test_no_speaking_time_figure_where_no_turn_was_timed(demo_series):
    figures = series_figures(demo_series, user=PUBLIC)

    assert figures.timed_turns == 0
    assert figures.figure("speaking-time") is None


def test_a_delegation_new_to_a_series_but_heard_in_an_earlier_one_is_not_new_anywhere():
    heard_before, new = StateFactory(), StateFactory()
    earlier = MeetingFactory(series=SeriesFactory(), date=datetime.date(2016, 4, 25))
    InterventionFactory(segment__meeting=earlier, state=heard_before)
    later = MeetingFactory(series=SeriesFactory(), number=1, date=datetime.date(2017, 3, 1))
    InterventionFactory(segment__meeting=later, state=heard_before)
    InterventionFactory(segment__meeting=later, state=new)
    InterventionFactory(segment__meeting=later, state=new)

    figures = series_figures(later.series, user=PUBLIC)

    assert rows(figures, "first-time") == {"Meeting 1": 2}
    assert rows(figures, "first-time-anywhere") == {"Meeting 1": 1}
