"""The participation sentence in the document's language: the count in words
agrees with "Member State", and the noun's form follows the count."""

import datetime

import pytest
from django.utils import translation

from convener.directory.models import State, StateGroup
from convener.meetings.models import Meeting
from convener.publishing.composition.participation import (
    participation_prefetches,
    participation_runs,
)
from convener.publishing.document import plain
from convener.records.models import Capacity
from tests.factories import (
    CoChairFactory,
    InterventionFactory,
    MeetingFactory,
    SegmentFactory,
    StateFactory,
)

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


def meeting_of_the_netherlands_and_thailand() -> Meeting:
    """Co-chaired by the Netherlands and Thailand; Austria, Ireland and Tuvalu also spoke."""
    meeting = MeetingFactory(date=datetime.date(2016, 7, 13))
    debate = SegmentFactory(meeting=meeting, order=1)
    for order, iso3 in enumerate(["NLD", "THA", "AUT", "IRL", "TUV"]):
        state = State.objects.get(iso3=iso3)
        if iso3 in {"NLD", "THA"}:
            CoChairFactory(meeting=meeting, state=state, order=order)
        InterventionFactory(segment=debate, state=state, speaker=None, order=order)
    return meeting


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            "Five Member States took the floor: the Netherlands and Thailand (as co-Chairs "
            "of the meeting), as well as Austria, Ireland and Tuvalu.",
        ),
        (
            "fr",
            "Cinq États Membres ont pris la parole\u00a0: les Pays-Bas et la Thaïlande (en "
            "leur qualité de coprésidents de la réunion), ainsi que l'Autriche, l'Irlande "
            "et les Tuvalu.",
        ),
        (
            "es",
            "Cinco Estados Miembros hicieron uso de la palabra: los Países Bajos y Tailandia "
            "(como copresidentes de la reunión), así como Austria, Irlanda y Tuvalu.",
        ),
        (
            "ru",
            "Слово взяли пять государств-членов: Нидерланды и Таиланд (в качестве "
            "сопредседателей заседания), а также Австрия, Ирландия и Тувалу.",  # noqa: RUF001
        ),
        (
            "ar",
            "أخذت الكلمة خمس دول أعضاء: هولندا وتايلند (بصفتهما الرئيسين المشاركين للاجتماع)، "
            "فضلاً عن النمسا وأيرلندا وتوفالو.",
        ),
        (
            "zh-hans",
            "五个会员国作了发言：荷兰和泰国（作为会议共同主席），以及奥地利、爱尔兰和图瓦卢。",  # noqa: RUF001
        ),
    ],
)
def test_participation_sentence_names_states_as_the_language_writes_them(
    reference_data, language, expected
):
    meeting = meeting_of_the_netherlands_and_thailand()

    assert sentence_in(language, meeting) == expected
