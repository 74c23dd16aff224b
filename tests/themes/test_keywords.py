"""Keywords say what a statement and a meeting are about, and follow their text."""

import pytest

from convener.themes.domain.keywords import keywords_of, meeting_keywords
from convener.themes.models import StatementKeywords
from tests.factories import InterventionFactory, SegmentFactory

pytestmark = pytest.mark.django_db

CLIMATE = (
    "Climate change now drives displacement: rising seas and droughts force people "
    "from their homes, and people displaced by climate change need protection."
)


def test_keywords_of_a_statement_name_what_it_is_about():
    statement = InterventionFactory(summary=CLIMATE, points=["Protect people displaced."])

    keywords = keywords_of([statement], language="en")[statement.pk]

    assert any("climate change" in keyword.casefold() for keyword in keywords)


def test_keywords_are_stored_and_read_again_until_the_text_changes():
    statement = InterventionFactory(summary=CLIMATE)
    first = keywords_of([statement], language="en")[statement.pk]
    stored = StatementKeywords.objects.get(intervention=statement)

    assert keywords_of([statement], language="en")[statement.pk] == first
    assert StatementKeywords.objects.get(intervention=statement).computed_at == stored.computed_at

    statement.summary = "Remittances cost too much: lower the transaction costs of remittances."
    statement.save()
    changed = keywords_of([statement], language="en")[statement.pk]

    assert any("remittances" in keyword.casefold() for keyword in changed)
    assert not any("climate" in keyword.casefold() for keyword in changed)


def test_a_french_statement_gets_french_keywords_without_french_stop_words():
    statement = InterventionFactory(
        summary="Les mineurs non accompagnés ont besoin d'un tuteur à la frontière."
    )

    keywords = keywords_of([statement], language="fr")[statement.pk]

    assert any("mineurs" in keyword for keyword in keywords)
    assert "la" not in keywords
    assert "à" not in keywords


def test_a_meetings_keywords_read_all_its_statements():
    segment = SegmentFactory()
    InterventionFactory(segment=segment, summary=CLIMATE)
    InterventionFactory(segment=segment, summary="Unaccompanied minors need guardians.")

    keywords = " ".join(meeting_keywords(segment.meeting)).casefold()

    assert "climate" in keywords
