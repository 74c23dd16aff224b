"""The participation sentence in the document's language: the count in words
agrees with "Member State", and the noun's form follows the count."""

import datetime

import pytest
from django.utils import translation

from convener.directory.models import StateGroup
from convener.meetings.models import Meeting
from convener.publishing.composition.participation import (
    participation_prefetches,
    participation_runs,
)
from convener.publishing.document import plain
from convener.records.models import Capacity
from tests.factories import InterventionFactory, MeetingFactory, SegmentFactory, StateFactory

pytestmark = pytest.mark.django_db


def meeting_where_states_took_the_floor(count: int) -> Meeting:
    meeting = MeetingFactory(date=datetime.date(2016, 7, 13))
    debate = SegmentFactory(meeting=meeting, order=1)
    for n in range(count):
        state = StateFactory(names={"en": f"State {n:02}"})
        InterventionFactory(segment=debate, state=state, speaker=None, order=n)
    return meeting


def sentence_in(language: str, meeting: Meeting) -> str:
    with translation.override(language):
        fetched = Meeting.objects.prefetch_related(*participation_prefetches()).get(pk=meeting.pk)
        return plain(participation_runs(fetched))


def test_russian_sentence_counts_twenty_one_member_states_in_the_neuter_singular():
    meeting = meeting_where_states_took_the_floor(21)

    assert sentence_in("ru", meeting).startswith(
        "Слово взяло двадцать одно государство-член: State 00, "
    )


def test_russian_sentence_counts_seven_member_states_in_the_genitive_plural():
    meeting = meeting_where_states_took_the_floor(7)

    assert sentence_in("ru", meeting).startswith("Слово взяли семь государств-членов: ")


def test_french_sentence_starts_with_twenty_one_in_words():
    meeting = meeting_where_states_took_the_floor(21)

    assert sentence_in("fr", meeting).startswith(
        "Vingt et un États Membres ont pris la parole\u00a0: State 00, "
    )


def test_arabic_sentence_counts_twenty_one_states_with_the_accusative_singular():
    meeting = meeting_where_states_took_the_floor(21)

    assert sentence_in("ar", meeting).startswith("أخذت الكلمة إحدى وعشرون دولة عضواً: ")


def test_arabic_sentence_counts_seven_states_in_the_plural_with_the_opposite_gender():
    meeting = meeting_where_states_took_the_floor(7)

    assert sentence_in("ar", meeting).startswith("أخذت الكلمة سبع دول أعضاء: ")


def test_spanish_sentence_shortens_twenty_one_before_member_states():
    meeting = meeting_where_states_took_the_floor(21)

    assert sentence_in("es", meeting).startswith(
        "Veintiún Estados Miembros hicieron uso de la palabra: "
    )


def test_french_sentence_names_a_group_that_spoke_as_one_by_its_french_name(reference_data):
    meeting = meeting_where_states_took_the_floor(2)
    g77 = StateGroup.objects.get(key="g77")
    InterventionFactory(
        segment=meeting.segments.get(), state=None, state_group=g77, capacity=Capacity.GROUP
    )

    assert sentence_in("fr", meeting).endswith(
        "State 01 et le Groupe des 77 et la Chine en tant que groupe."
    )
