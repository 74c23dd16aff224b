"""Documents name States and organisations as a UN editor would: with their
articles in running text, and by the names they bore on the meeting's date."""

import pytest

from convener.directory.models import State
from convener.meetings.models import CoChair, Meeting
from convener.publishing.composition.documents import compose
from convener.publishing.document import Facts, plain
from tests.factories import StaffFactory
from tests.publishing.composition.test_documents import texts

pytestmark = pytest.mark.django_db


@pytest.fixture
def secretariat():
    return StaffFactory()


def write(document, *, user, meeting=None):
    return compose(series_slug="gmg-2016", document=document, meeting_number=meeting, user=user)


def test_report_summary_names_co_organisers_in_full_with_their_article(demo_series, secretariat):
    report = write("report", user=secretariat)

    assert (
        "The first meeting took place on 25 April 2016 and was co-organised by the United "
        "Nations Department of Economic and Social Affairs (DESA), the International "
        "Organization for Migration (IOM) and the Office of the United Nations High "
        "Commissioner for Refugees (UNHCR)."
    ) in texts(report)


def test_participant_list_names_a_co_chair_for_the_state_with_its_article(demo_series, secretariat):
    CoChair.objects.filter(meeting__series=demo_series, state__iso3="NLD").update(
        named_formally=False
    )
    participants = write("participants", meeting=1, user=secretariat)
    people = [plain(item) for item in participants.blocks[0].items]

    assert any("Co-chair for the Netherlands" in line for line in people)


def test_header_block_names_a_co_chair_by_the_name_of_the_meetings_date(demo_series, secretariat):
    meeting = Meeting.objects.get(series=demo_series, number=3)
    CoChair.objects.filter(meeting=meeting, state__iso3="PRT").update(
        state=State.objects.get(iso3="TUR")
    )

    report = write("report", user=secretariat)
    rows = [
        {label: plain(value) for label, value in block.rows}
        for block in report.blocks
        if isinstance(block, Facts)
    ]

    assert rows[2]["Co-chairs"] == "Zambia and Turkey"
