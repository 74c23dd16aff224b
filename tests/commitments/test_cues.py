import datetime

import pytest

from convener.commitments.cues import deadline, sentences, suggest


@pytest.mark.parametrize(
    ("text", "language", "kind"),
    [
        ("Canada will resettle 1,000 more refugees.", "en", "commitment"),
        ("Our Government commits to a review of the visa regime.", "en", "commitment"),
        ("The Union pledged 50 million to host communities.", "en", "commitment"),
        ("States should open complementary pathways.", "en", "recommendation"),
        ("We recommend a review of detention practices.", "en", "recommendation"),
        ("She called on donors to fund the appeal.", "en", "recommendation"),
        ("We urge all parties to respect the principle.", "en", "recommendation"),
        ("La France s'engage à accueillir des réfugiés.", "fr", "commitment"),
        ("Les États devraient coopérer davantage.", "fr", "recommendation"),
        ("México se compromete a ampliar las visas.", "es", "commitment"),
        ("Los Estados deberían cooperar más.", "es", "recommendation"),
    ],
)
def test_suggest_reads_the_cues_of_each_language(text, language, kind):
    assert suggest(text, language).kind == kind


def test_suggest_finds_neither_in_a_statement_of_fact():
    assert suggest("Migration is as old as humanity.", "en").kind == ""


def test_suggest_lets_the_first_cue_govern():
    assert suggest("We will urge our partners to act.", "en").kind == "commitment"
    assert suggest("States should commit to more places.", "en").kind == "recommendation"


def test_suggest_reads_another_language_as_english():
    assert suggest("We will act.", "ar").kind == "commitment"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("We will double it by 2018.", (None, "by 2018")),
        ("Nous le ferons d'ici 2019.", (None, "d'ici 2019")),
        ("We will report on 30 June 2017.", (datetime.date(2017, 6, 30), "")),
        ("We will report on June 30, 2017.", (datetime.date(2017, 6, 30), "")),
        ("Informaremos antes del 31 de diciembre de 2017.", (datetime.date(2017, 12, 31), "")),
        ("We will report by 2017-09-01.", (datetime.date(2017, 9, 1), "")),
        ("We will report soon.", (None, "")),
    ],
)
def test_deadline_is_read_from_a_date_or_a_year(text, found):
    assert deadline(text) == found


def test_sentences_split_a_summary_at_its_full_stops():
    assert sentences("It was hard.  We will help!\nWhy not?") == [
        "It was hard.",
        "We will help!",
        "Why not?",
    ]
