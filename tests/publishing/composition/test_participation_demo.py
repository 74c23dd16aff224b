"""The participation sentence of each 2016 meeting, against the series report."""

from convener.meetings.models import Meeting
from convener.publishing.composition.participation import (
    participation_prefetches,
    participation_runs,
)
from convener.publishing.document import Footnote, Text, plain
from convener.records.models import Intervention


def meeting_for_participation(pk: int) -> Meeting:
    """The meeting with everything `participation_runs` reads, as composers prefetch it."""
    return Meeting.objects.prefetch_related(*participation_prefetches()).get(pk=pk)


def runs_of(series, number: int) -> list:
    meeting = series.meetings.get(number=number)
    return participation_runs(meeting_for_participation(meeting.pk))


def test_first_meeting_names_seven_member_states_co_chairs_first(demo_series):
    runs = runs_of(demo_series, 1)

    assert plain(runs) == (
        "Seven Member States took the floor: the Kingdom of the Netherlands and the Kingdom of "
        "Thailand (as co-Chairs of the meeting), as well as Austria, Bangladesh, Italy, Mexico "
        "and Tuvalu."
    )


def test_first_meeting_footnotes_the_council_presidency_and_the_g77_chair(demo_series):
    runs = runs_of(demo_series, 1)

    assert runs == [
        Text("Seven Member States took the floor: the Kingdom of the Netherlands"),
        Footnote(
            (
                Text(
                    "The Kingdom of the Netherlands held the Presidency of the Council of the "
                    "European Union at the time of the meeting; H.E. Karel van Oosterom spoke in "
                    "a national capacity."
                ),
            )
        ),
        Text(" and the Kingdom of Thailand"),
        Footnote(
            (
                Text(
                    "The Kingdom of Thailand chaired the Group of 77 and China in 2016; "
                    "H.E. Virachai Plasai spoke in a national capacity."
                ),
            )
        ),
        Text(
            " (as co-Chairs of the meeting), as well as Austria, Bangladesh, Italy, Mexico "
            "and Tuvalu."
        ),
    ]


def test_second_meeting_names_a_group_of_small_island_states_uncounted(demo_series):
    assert plain(runs_of(demo_series, 2)) == (
        "Three Member States took the floor: Mexico and Italy (as co-Chairs of the meeting), "
        "as well as Brazil and a group of Small Island Developing States."
    )


def test_third_meeting_names_six_member_states_turkey_as_named_in_2016(demo_series):
    assert plain(runs_of(demo_series, 3)) == (
        "Six Member States took the floor: Zambia and Portugal (as co-Chairs of the meeting), "
        "as well as Japan, Australia, Turkey and Argentina."
    )


def test_fourth_meeting_names_the_capacity_of_every_state_ireland_as_co_facilitator(
    demo_series,
):
    assert plain(runs_of(demo_series, 4)) == (
        "Three Member States took the floor: the co-Chairs of the meeting, Bangladesh "
        "(as Chair of the Global Forum on Migration and Development in 2016) and Switzerland "
        "(as the State supporting the work of OHCHR and PICUM on the human rights of migrants), "
        "as well as Ireland (as co-facilitator of the high-level plenary meeting on addressing "
        "large movements of refugees and migrants)."
    )


def test_first_meeting_without_tuvalu_names_six_member_states(demo_series):
    Intervention.objects.filter(
        segment__meeting__series=demo_series, segment__meeting__number=1, state__iso3="TUV"
    ).delete()

    assert plain(runs_of(demo_series, 1)) == (
        "Six Member States took the floor: the Kingdom of the Netherlands and the Kingdom of "
        "Thailand (as co-Chairs of the meeting), as well as Austria, Bangladesh, Italy and Mexico."
    )
