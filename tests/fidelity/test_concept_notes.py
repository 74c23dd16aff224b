"""The concept notes hold every listed fact of their seeds, in Markdown, Word and PDF:
the series concept note as first published (seed 000), the 30 June note (seed
003) and the 20 July note (seed 001).

Each fact is checked twice: on the seed (so the list is true to it) and on
the note in each format Convener writes.
"""

import pytest

from tests.fidelity.documents import FORMATS, folded
from tests.fidelity.note_checks import concept_note_facts
from tests.fidelity.seeds import seed_text

FACTS = concept_note_facts()


def test_the_suite_checks_the_concept_notes_sections_and_topics():
    assert len({fact.note for fact in FACTS}) == 3
    assert len(FACTS) * len(FORMATS) >= 150


@pytest.mark.parametrize("fact", FACTS, ids=str)
def test_each_listed_concept_note_fact_is_in_its_seed(fact):
    fact.in_seed(folded(seed_text(fact.note.seed)))


def test_word_and_pdf_are_of_the_first_published_version(first_concept_note):
    files, kept = first_concept_note

    assert files["md"].read_text(encoding="utf-8") == kept


@pytest.mark.parametrize("kind", FORMATS)
@pytest.mark.parametrize("fact", FACTS, ids=str)
def test_the_concept_notes_reproduce_the_seeds_fact(fact, kind, concept_notes_by_format):
    fact.check(concept_notes_by_format[fact.note.name][kind])
