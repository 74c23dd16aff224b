"""The report's cover and imprint as composed: the title, who convened, and the page after."""

import pytest

from convener.publishing.composition.cover import event_in_text
from convener.publishing.composition.documents import compose
from convener.publishing.composition.report import report
from convener.publishing.document import Paragraph, plain
from tests.factories import (
    ConveningGroupChairFactory,
    ConveningGroupFactory,
    OrganisationFactory,
    SeriesFactory,
    StaffFactory,
)

pytestmark = pytest.mark.django_db

GMG_2016_TITLE = (
    "Report of the",
    "Global Migration Group (GMG)",
    "multi-stakeholder meetings",
    "in preparation for the High-level plenary meeting of the General Assembly on "
    "addressing large movements of refugees and migrants",
)


def demo_report():
    return compose(
        series_slug="gmg-2016", document="report", meeting_number=None, user=StaffFactory()
    )


def texts(blocks) -> list[str]:
    return [plain(block.runs) for block in blocks if isinstance(block, Paragraph)]


def test_demo_report_title_names_the_group_in_full_its_meetings_and_the_event(demo_series):
    document = demo_report()

    assert document.title_lines == GMG_2016_TITLE
    assert document.title == " ".join(GMG_2016_TITLE)


def test_demo_report_cover_names_the_group_and_its_chair_of_2016(demo_series):
    assert texts(demo_report().cover) == [
        "Convened by the GMG, chaired in 2016 by the United Nations Entity for Gender "
        "Equality and the Empowerment of Women (UN Women)"
    ]


def test_demo_report_imprint_gives_copyright_what_the_report_is_and_who_produced_it(demo_series):
    imprint = texts(demo_report().imprint)

    assert imprint[0] == "© UN Women 2016. All rights reserved."
    assert imprint[1].startswith("This report records the discussions")
    assert imprint[2] == (
        "This report was produced for the GMG by the Economic Empowerment Section of "
        "UN Women, New York."
    )


def test_report_of_a_series_that_prepares_no_event_says_in_preparation_for_nothing():
    group = ConveningGroupFactory(name="Inter-agency Group", acronym="IAG")
    series = SeriesFactory(convening_group=group, prepared_event="", prepared_event_date=None)

    document = report(series, [])

    assert document.title_lines == ("Report of the", "Inter-agency Group (IAG)", "meetings")
    assert texts(document.cover) == ["Convened by the IAG"]


def test_report_of_a_series_without_a_convening_group_is_titled_by_the_series():
    series = SeriesFactory(
        convening_group=None, title="Expert group meeting on remittances", prepared_event=""
    )

    document = report(series, [])

    assert document.title == "Report of the Expert group meeting on remittances"
    assert document.cover == []


def test_report_cover_names_the_chair_in_the_year_of_the_prepared_event():
    group = ConveningGroupFactory(name="Inter-agency Group", acronym="IAG")
    ConveningGroupChairFactory(
        group=group, year=2016, organisation=OrganisationFactory(name="Oxfam", acronym="")
    )
    ConveningGroupChairFactory(group=group, year=2017)
    series = SeriesFactory(convening_group=group, meetings_called="expert meetings")

    document = report(series, [])

    assert document.title_lines[2] == "expert meetings"
    assert texts(document.cover) == ["Convened by the IAG, chaired in 2016 by Oxfam"]


def test_report_of_a_series_with_an_empty_imprint_has_no_imprint():
    assert report(SeriesFactory(), []).imprint == []


def test_report_copyright_without_a_year_names_the_holder_alone():
    series = SeriesFactory(copyright_holder="UNDP", copyright_year=None)

    assert texts(report(series, []).imprint) == ["© UNDP. All rights reserved."]


def test_report_produced_without_a_convening_group_names_the_unit_alone():
    series = SeriesFactory(convening_group=None, produced_by="the Migration Unit, Geneva")

    assert texts(report(series, []).imprint) == [
        "This report was produced by the Migration Unit, Geneva."
    ]


def test_report_imprint_sets_a_heading_of_its_paragraph_as_a_bold_line():
    series = SeriesFactory(report_about="## About\n\nWhat the report records.")

    imprint = report(series, []).imprint

    assert texts(imprint) == ["About", "What the report records."]
    assert imprint[0].runs[0].bold


@pytest.mark.parametrize(
    ("event", "in_text"),
    [
        ("High-level plenary meeting of the General Assembly", "the High-level plenary meeting"),
        ("UN Summit for Refugees and Migrants", "the UN Summit for Refugees and Migrants"),
        ("The 2030 Agenda review", "the 2030 Agenda review"),
        ("COP28", "COP28"),
        ("Habitat III", "Habitat III"),
    ],
)
def test_prepared_event_takes_the_article_where_its_name_says_what_it_is(event, in_text):
    assert event_in_text(event).startswith(in_text)
