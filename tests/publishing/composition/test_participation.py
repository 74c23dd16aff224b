import datetime

import pytest

from convener.directory.models import MembershipStatus, StateGroupKind
from convener.meetings.models import Meeting
from convener.publishing.composition.participation import (
    participation_prefetches,
    participation_runs,
)
from convener.publishing.document import Footnote, Text, plain
from convener.records.models import Capacity
from tests.factories import (
    CoChairFactory,
    InterventionFactory,
    MeetingFactory,
    PersonFactory,
    SegmentFactory,
    StateFactory,
    StateGroupChairFactory,
    StateGroupFactory,
)

pytestmark = pytest.mark.django_db


def meeting_for_participation(pk: int) -> Meeting:
    """The meeting with everything `participation_runs` reads, as composers prefetch it."""
    return Meeting.objects.prefetch_related(*participation_prefetches()).get(pk=pk)


def state(name: str, **fields):
    return StateFactory(names={"en": name}, **fields)


def turn(segment, state=None, **fields):
    """A turn on the floor, by default a State's in national capacity with no speaker named."""
    return InterventionFactory(segment=segment, state=state, **{"speaker": None, **fields})


def sentence(meeting: Meeting) -> str:
    return plain(participation_runs(meeting_for_participation(meeting.pk)))


def footnotes(meeting: Meeting) -> list[str]:
    runs = participation_runs(meeting_for_participation(meeting.pk))
    return [plain(list(run.runs)) for run in runs if isinstance(run, Footnote)]


@pytest.fixture
def meeting():
    return MeetingFactory(date=datetime.date(2016, 4, 25))


@pytest.fixture
def debate(meeting):
    return SegmentFactory(meeting=meeting, order=5)


def test_participation_counts_one_member_state_in_the_singular(debate, meeting):
    turn(debate, state("Mexico"))

    assert sentence(meeting) == "One Member State took the floor: Mexico."


def test_participation_says_so_when_no_member_state_took_the_floor(debate, meeting):
    InterventionFactory(segment=debate, state=None, capacity=Capacity.PERSONAL)

    assert sentence(meeting) == "No Member State took the floor."


def test_participation_counts_in_words_up_to_twenty(debate, meeting):
    for n in range(20):
        turn(debate, state(f"State {n:02}"))

    assert sentence(meeting).startswith("Twenty Member States took the floor: State 00, ")


def test_participation_counts_in_words_above_twenty_as_it_starts_the_sentence(debate, meeting):
    for n in range(21):
        turn(debate, state(f"State {n:02}"))

    assert sentence(meeting).startswith("Twenty-one Member States took the floor: State 00, ")


def test_participation_names_states_in_the_order_of_their_first_turn(debate, meeting):
    opening = SegmentFactory(meeting=meeting, order=1)
    italy, mexico, brazil = state("Italy"), state("Mexico"), state("Brazil")
    turn(debate, mexico, order=1)
    turn(debate, italy, order=2)
    turn(debate, mexico, order=3)
    turn(opening, brazil, order=9)

    assert sentence(meeting) == "Three Member States took the floor: Brazil, Mexico and Italy."


def test_participation_names_the_co_chairs_first(debate, meeting):
    netherlands, thailand = state("Netherlands"), state("Thailand")
    CoChairFactory(meeting=meeting, state=netherlands, order=1)
    CoChairFactory(meeting=meeting, state=thailand, order=2)
    turn(debate, state("Austria"), order=1)
    turn(debate, thailand, order=2)
    turn(debate, netherlands, order=3)

    assert sentence(meeting) == (
        "Three Member States took the floor: Netherlands and Thailand "
        "(as co-Chairs of the meeting), as well as Austria."
    )


def test_participation_names_a_single_co_chair_that_took_the_floor(debate, meeting):
    mexico = state("Mexico")
    CoChairFactory(meeting=meeting, state=mexico)
    CoChairFactory(meeting=meeting, state=state("Italy"))
    turn(debate, mexico)

    assert sentence(meeting) == (
        "One Member State took the floor: Mexico (as co-Chair of the meeting)."
    )


def test_participation_names_a_state_on_behalf_of_a_group(debate, meeting):
    g77 = StateGroupFactory(name="Group of 77 and China")
    turn(debate, state("Thailand"), capacity=Capacity.GROUP, state_group=g77)

    assert sentence(meeting) == (
        "One Member State took the floor: Thailand (on behalf of the Group of 77 and China)."
    )


def test_participation_names_the_office_a_state_spoke_as(debate, meeting):
    turn(debate, state("Ireland"), capacity=Capacity.OFFICE, office="co-facilitator of the summit")

    assert sentence(meeting) == (
        "One Member State took the floor: Ireland (as co-facilitator of the summit)."
    )


def test_participation_names_every_capacity_of_a_state_that_spoke_in_several(debate, meeting):
    g77 = StateGroupFactory(name="Group of 77 and China")
    thailand = state("Thailand")
    turn(debate, thailand, capacity=Capacity.GROUP, state_group=g77)
    turn(debate, thailand, capacity=Capacity.NATIONAL)

    assert sentence(meeting) == (
        "One Member State took the floor: Thailand "
        "(on behalf of the Group of 77 and China and in national capacity)."
    )


def test_participation_sets_apart_co_chairs_when_one_spoke_in_another_capacity(debate, meeting):
    bangladesh, switzerland = state("Bangladesh"), state("Switzerland")
    CoChairFactory(meeting=meeting, state=bangladesh, order=1)
    CoChairFactory(meeting=meeting, state=switzerland, order=2)
    turn(debate, bangladesh, capacity=Capacity.OFFICE, office="Chair of the GFMD")
    turn(debate, switzerland)
    turn(debate, state("Ireland"))

    assert sentence(meeting) == (
        "Three Member States took the floor: the co-Chairs of the meeting, "
        "Bangladesh (as Chair of the GFMD) and Switzerland, as well as Ireland."
    )


def test_participation_names_a_group_that_spoke_as_a_group_after_the_states(debate, meeting):
    g77 = StateGroupFactory(name="Group of 77 and China")
    turn(debate, None, capacity=Capacity.GROUP, state_group=g77, order=1)
    turn(debate, state("Brazil"), order=2)

    assert sentence(meeting) == (
        "One Member State took the floor: Brazil and the Group of 77 and China as a group."
    )


def test_participation_names_states_of_a_classification_as_a_group_of_them(debate, meeting):
    sids = StateGroupFactory(
        name="Small Island Developing States", kind=StateGroupKind.CLASSIFICATION
    )
    CoChairFactory(meeting=meeting, state=state("Mexico"))
    turn(debate, meeting.co_chairs.get().state, order=1)
    turn(debate, state("Brazil"), order=2)
    turn(debate, None, capacity=Capacity.GROUP, state_group=sids, order=3)

    assert sentence(meeting) == (
        "Two Member States took the floor: Mexico (as co-Chair of the meeting), as well as "
        "Brazil and a group of Small Island Developing States."
    )


def test_participation_names_groups_when_no_member_state_spoke_alone(debate, meeting):
    g77 = StateGroupFactory(name="Group of 77 and China")
    turn(debate, None, capacity=Capacity.GROUP, state_group=g77)

    assert sentence(meeting) == (
        "No Member State took the floor, but the Group of 77 and China as a group did."
    )


def test_participation_names_observer_states_after_member_states_uncounted(debate, meeting):
    turn(debate, state("Holy See", status=MembershipStatus.OBSERVER), order=1)
    turn(debate, state("Austria"), order=2)

    assert sentence(meeting) == (
        "One Member State took the floor: Austria and the observer State Holy See."
    )


def test_participation_footnotes_a_group_chair_that_spoke_in_national_capacity(debate, meeting):
    thailand = state("Thailand")
    g77 = StateGroupFactory(name="Group of 77 and China")
    StateGroupChairFactory(group=g77, state=thailand)
    speaker = PersonFactory(honorific="H.E.", given_name="Virachai", family_name="Plasai")
    InterventionFactory(segment=debate, state=thailand, speaker=speaker)

    runs = participation_runs(meeting_for_participation(meeting.pk))

    assert runs == [
        Text("One Member State took the floor: Thailand"),
        Footnote(
            (
                Text(
                    "Thailand chaired the Group of 77 and China in 2016; "
                    "H.E. Virachai Plasai spoke in a national capacity."
                ),
            )
        ),
        Text("."),
    ]


def test_participation_footnote_without_a_speaker_leaves_the_speaker_out(debate, meeting):
    thailand = state("Thailand")
    StateGroupChairFactory(group=StateGroupFactory(name="Group of 77 and China"), state=thailand)
    turn(debate, thailand)

    assert footnotes(meeting) == [
        "Thailand chaired the Group of 77 and China in 2016 but spoke in a national capacity."
    ]


def test_participation_footnotes_the_presidency_of_the_council_held_part_of_the_year(
    debate, meeting
):
    netherlands = state("Netherlands")
    StateGroupChairFactory(
        group=StateGroupFactory(name="European Union", kind=StateGroupKind.REGIONAL_ORGANISATION),
        state=netherlands,
        starts=datetime.date(2016, 1, 1),
        ends=datetime.date(2016, 6, 30),
    )
    turn(debate, netherlands)

    assert footnotes(meeting) == [
        "Netherlands held the Presidency of the Council of the European Union at the time of "
        "the meeting but spoke in a national capacity."
    ]


def test_participation_footnotes_no_chair_whose_term_does_not_cover_the_date(debate, meeting):
    slovakia = state("Slovakia")
    StateGroupChairFactory(
        state=slovakia, starts=datetime.date(2016, 7, 1), ends=datetime.date(2016, 12, 31)
    )
    turn(debate, slovakia)

    assert footnotes(meeting) == []


def test_participation_footnotes_no_chair_that_spoke_for_its_group(debate, meeting):
    thailand = state("Thailand")
    g77 = StateGroupFactory(name="Group of 77 and China")
    StateGroupChairFactory(group=g77, state=thailand)
    turn(debate, thailand, capacity=Capacity.GROUP, state_group=g77)

    assert footnotes(meeting) == []


def test_participation_leaves_out_other_meetings(debate, meeting):
    turn(debate, state("Mexico"))
    turn(SegmentFactory(), state("Italy"))

    assert sentence(meeting) == "One Member State took the floor: Mexico."


def test_participation_costs_a_fixed_number_of_queries(debate, meeting, django_assert_num_queries):
    states = [state(f"State {n}") for n in range(6)]
    CoChairFactory(meeting=meeting, state=states[0])
    CoChairFactory(meeting=meeting, state=states[1])
    for each in states:
        StateGroupChairFactory(state=each)
        turn(debate, each, speaker=PersonFactory())
    turn(debate, None, capacity=Capacity.GROUP, state_group=StateGroupFactory())

    # The meeting, its co-chairs, segments, interventions, their speakers, groups
    # of States, States, the groups those chair, and the chaired groups.
    with django_assert_num_queries(9):
        participation_runs(meeting_for_participation(meeting.pk))
