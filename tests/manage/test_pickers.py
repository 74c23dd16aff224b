"""The pickers of the workspace serve the series in hand: its own people
first, a co-chair's representatives by the State chosen."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from convener.audit.log import acting_as
from convener.manage.interfaces.directory import OrganisationForm
from convener.meetings.models import MeetingStatus, SeriesStatus
from convener.roles.models import Role
from tests.factories import (
    CoChairFactory,
    CoOrganiserFactory,
    GrantFactory,
    MeetingFactory,
    OrganisationFactory,
    ParticipationFactory,
    PersonFactory,
    SegmentFactory,
    SeriesFactory,
    StaffFactory,
    StateFactory,
)

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def earlier():
    """A published series of an earlier year, with a public meeting."""
    series = SeriesFactory(slug="earlier", status=SeriesStatus.PUBLISHED)
    ParticipationFactory(
        segment__meeting__series=series,
        segment__meeting__status=MeetingStatus.PUBLISHED,
        person__given_name="Ruth",
        person__family_name="Earlier",
    )
    return series


@pytest.fixture
def meeting(earlier):
    """The first meeting of a new draft series, with a panel."""
    meeting = MeetingFactory(
        series=SeriesFactory(slug="new", status=SeriesStatus.DRAFT),
        number=1,
        status=MeetingStatus.DRAFT,
    )
    SegmentFactory(meeting=meeting, title="Panel")
    return meeting


@pytest.fixture
def secretariat(client, meeting):
    user = GrantFactory(series=meeting.series, role=Role.SECRETARIAT).user
    client.force_login(user)
    return user


def _people_search(client, **params):
    return client.get(reverse("manage:people_search"), params, **HTMX).content.decode()


def _picks(page):
    return re.findall(r'class="directory-pick">([^<]+)', page)


def test_the_person_picker_of_a_new_series_lists_no_one_before_a_name_is_typed(
    client, secretariat, meeting
):
    page = _people_search(client, q="", series="new")

    assert _picks(page) == []
    assert "No one takes part in this series yet" in page


def test_the_person_picker_of_a_series_offers_its_own_people_then_others(
    client, secretariat, meeting
):
    ParticipationFactory(
        segment=meeting.segments.get(),
        person__honorific="Ms.",
        person__given_name="Rita",
        person__family_name="Ruthven",
    )

    offered = _people_search(client, q="", series="new")
    found = _people_search(client, q="ru", series="new")

    assert _picks(offered) == ["Ms. Rita Ruthven"]
    assert _picks(found) == ["Ms. Rita Ruthven", "Dr. Ruth Earlier"]
    assert found.index("In this series") < found.index("Elsewhere in the directory")


def test_the_person_picker_ignores_a_series_the_user_does_not_work_on(client, earlier):
    client.force_login(GrantFactory(series=earlier, role=Role.SECRETARIAT).user)
    hidden = MeetingFactory(series=SeriesFactory(slug="hidden", status=SeriesStatus.DRAFT))
    ParticipationFactory(segment__meeting=hidden, person__family_name="Hidden")

    page = _people_search(client, q="", series="hidden")

    assert _picks(page) == []
    assert "this series" not in page


def test_the_programme_search_field_carries_its_series(client, secretariat, meeting):
    page = client.get(reverse("manage:programme", args=["new", 1])).content.decode()

    assert "&quot;series&quot;: &quot;new&quot;" in page
    assert 'hx-trigger="focus once, input changed delay:250ms, search"' in page


def _representative_groups(page, row=0):
    """The option groups of the representative box of a co-chair row, each
    with the family names it lists."""
    select = re.search(rf'<select name="co_chairs-{row}-person".*?</select>', page, re.S).group(0)
    return [
        (label, re.findall(r"<option[^>]*>[^<]*? (\w+) —", options))
        for label, options in re.findall(
            r'<optgroup label="([^"]+)">(.*?)</optgroup>', select, re.S
        )
    ]


def test_a_co_chair_s_representatives_are_listed_first_for_the_state_chosen(
    client, secretariat, meeting
):
    zambia = StateFactory(iso3="ZMB", names={"en": "Zambia"})
    with acting_as(secretariat, via="web"):
        PersonFactory(family_name="Bota", organisation=OrganisationFactory(state=zambia))
        PersonFactory(family_name="Pucarino")
    CoChairFactory(meeting=meeting, state=zambia, person=None)

    page = client.get(reverse("manage:meeting_edit", args=["new", 1])).content.decode()

    assert _representative_groups(page) == [
        ("Representatives of Zambia", ["Bota"]),
        ("Elsewhere in the directory", ["Earlier", "Pucarino"]),
    ]


def test_choosing_a_state_brings_its_representatives_first(client, secretariat, meeting):
    portugal = StateFactory(iso3="PRT", names={"en": "Portugal"})
    with acting_as(secretariat, via="web"):
        speaker = PersonFactory(family_name="Pucarino")
    CoChairFactory(meeting__series=meeting.series, state=portugal, person=speaker)

    answer = client.get(
        reverse("manage:co_chair_representatives"),
        {"row": "co_chairs-1", "series": "new", "co_chairs-1-state": portugal.pk},
        **HTMX,
    ).content.decode()

    assert answer.startswith('<select name="co_chairs-1-person"')
    assert _representative_groups(answer, row=1) == [
        ("Representatives of Portugal", ["Pucarino"]),
        ("Elsewhere in the directory", ["Earlier"]),
    ]


def test_the_state_box_asks_for_its_representatives_as_it_changes(client, secretariat, meeting):
    page = client.get(reverse("manage:meeting_edit", args=["new", 1])).content.decode()

    state_box = re.search(r'<select name="co_chairs-0-state"[^>]*>', page).group(0)
    assert f'hx-get="{reverse("manage:co_chair_representatives")}"' in state_box
    assert 'hx-target="#id_co_chairs-0-person"' in state_box


def _groups_of(page, name):
    select = re.search(rf'<select name="{name}".*?</select>', page, re.S).group(0)
    return [
        (label, re.findall(r"<option[^>]*>([^<]*)</option>", options))
        for label, options in re.findall(
            r'<optgroup label="([^"]+)">(.*?)</optgroup>', select, re.S
        )
    ]


def test_the_co_organiser_list_starts_with_the_series_organisations(client, secretariat, meeting):
    CoOrganiserFactory(
        meeting__series=meeting.series, organisation=OrganisationFactory(acronym="UNHCR")
    )
    with acting_as(secretariat, via="web"):
        OrganisationFactory(acronym="ABC")

    page = client.get(reverse("manage:meeting_edit", args=["new", 1])).content.decode()

    groups = dict(_groups_of(page, "co_organisers-0-organisation"))
    assert list(groups) == ["In this series", "Elsewhere in the directory"]
    assert groups["In this series"][0] == "UNHCR"
    assert "ABC" in groups["Elsewhere in the directory"]


def test_the_rapporteur_list_starts_with_the_series_people(client, secretariat, meeting):
    ParticipationFactory(segment=meeting.segments.get(), person__family_name="Ownpeople")

    page = client.get(reverse("manage:series_edit", args=["new"])).content.decode()

    groups = _groups_of(page, "rapporteur")
    assert [label for label, _names in groups] == ["In this series", "Elsewhere in the directory"]
    assert "Ownpeople" in groups[0][1][0]
    assert "Earlier" in groups[1][1][0]


@pytest.mark.usefixtures("reference_data")
def test_the_state_picker_names_states_by_their_current_short_name():
    form = OrganisationForm(user=StaffFactory())
    labels = [str(label) for _value, label in form.fields["state"].choices]

    assert {"Czechia", "Türkiye", "North Macedonia", "Eswatini"} <= set(labels)
    assert not {"Czech Republic", "Turkey", "Swaziland"} & set(labels)


def test_representatives_are_named_after_their_state_as_french_writes_it(
    client, secretariat, meeting
):
    netherlands = StateFactory(iso3="NLD")
    with acting_as(secretariat, via="web"):
        PersonFactory(family_name="Oosterom", organisation=OrganisationFactory(state=netherlands))
    with translation.override("fr"):
        address = reverse("manage:co_chair_representatives")

    answer = client.get(
        address,
        {"row": "co_chairs-1", "series": "new", "co_chairs-1-state": netherlands.pk},
        **HTMX,
    ).content.decode()

    assert _representative_groups(answer, row=1)[0] == ("Représentants des Pays-Bas", ["Oosterom"])
