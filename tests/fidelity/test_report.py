"""The series report holds every listed fact of the 2016 report, in Markdown, Word and PDF.

Each fact is checked twice: on the seed's own chapter (so the list is true
to the seed) and on the same chapter of each document Convener writes.
"""

import pytest

from tests.fidelity.checks import report_facts
from tests.fidelity.documents import FORMATS, folded
from tests.fidelity.seeds import report_chapters

FACTS = report_facts()


def test_the_suite_checks_at_least_three_hundred_facts():
    assert len(FACTS) * len(FORMATS) >= 300


@pytest.mark.parametrize("fact", FACTS, ids=str)
def test_each_listed_fact_is_in_the_seed(fact):
    fact.in_seed(folded(report_chapters()[fact.chapter - 1].text))


@pytest.mark.parametrize("kind", FORMATS)
@pytest.mark.parametrize("fact", FACTS, ids=str)
def test_the_report_reproduces_the_seeds_fact(fact, kind, report_chapters_by_format):
    fact.check(report_chapters_by_format[kind][fact.chapter])
