"""The programme builder and the directory picker, through the test client."""

import html
import re
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from convener.audit.log import acting_as
from convener.directory.models import Organisation, Person
from convener.meetings.models import Participation, ProgrammeRole, Segment
from convener.roles.models import Role as AccessRole
from tests.factories import (
    CoOrganiserFactory,
    GrantFactory,
    InterventionFactory,
    MeetingFactory,
    OrganisationFactory,
    ParticipationFactory,
    PersonFactory,
    SegmentFactory,
)

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def meeting():
    """A meeting co-organised by UNDP, with a panel of three."""
    meeting = MeetingFactory(title="Responsibility sharing")
    CoOrganiserFactory(meeting=meeting, organisation=_undp())
    panel = SegmentFactory(meeting=meeting, key="panel-1", title="Panel 1", order=0)
    for order, name in enumerate(("Madiwale", "Kelley", "Greene")):
        ParticipationFactory(
            segment=panel, person__family_name=name, order=order, role=ProgrammeRole.PANELLIST
        )
    return meeting


def _undp():
    return Organisation.objects.get_or_create(
        key="undp", defaults={"name": "United Nations Development Programme", "acronym": "UNDP"}
    )[0]


@pytest.fixture
def focal_point(meeting):
    return GrantFactory(
        series=meeting.series, role=AccessRole.FOCAL_POINT, organisation=_undp()
    ).user


@pytest.fixture
def added_by_undp(focal_point):
    """The directory entries the test makes count as added by the focal point,
    so within their reach (`access.queries.reach`)."""
    with acting_as(focal_point, via="web"):
        yield


@pytest.fixture
def undp_client(client, focal_point):
    client.force_login(focal_point)
    return client


def _url(name, meeting, *ids):
    return reverse(f"manage:{name}", args=[meeting.series.slug, meeting.number, *ids])


def _panel(meeting):
    return meeting.segments.get(key="panel-1")


def _panellists(meeting):
    return list(
        Participation.objects.filter(segment=_panel(meeting))
        .order_by("order")
        .values_list("person__family_name", flat=True)
    )


def _participation(meeting, name):
    return Participation.objects.get(segment__meeting=meeting, person__family_name=name)


# Who may open it


def test_programme_lists_segments_and_participants_in_order(undp_client, meeting):
    response = undp_client.get(_url("programme", meeting))

    assert response.status_code == 200
    text = response.content.decode()
    assert text.index("Madiwale") < text.index("Kelley") < text.index("Greene")
    assert 'name="csrfmiddlewaretoken"' in text


def test_programme_is_refused_to_a_focal_point_of_another_meeting(undp_client, meeting):
    other = MeetingFactory(series=meeting.series)

    assert undp_client.get(_url("programme", other)).status_code == 403


def test_programme_is_refused_to_the_rapporteur(client, meeting):
    rapporteur = GrantFactory(series=meeting.series, role=AccessRole.RAPPORTEUR).user
    client.force_login(rapporteur)

    assert client.get(_url("programme", meeting)).status_code == 403


def test_programme_sends_a_visitor_to_sign_in(client, meeting):
    response = client.get(_url("programme", meeting))

    assert response.status_code == 302
    assert reverse("login") in response.url


def test_programme_reads_the_database_as_often_for_a_long_programme(undp_client, meeting):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            undp_client.get(_url("programme", meeting))
        return len(captured)

    short = queries()
    for order in range(1, 5):
        ParticipationFactory.create_batch(3, segment=SegmentFactory(meeting=meeting, order=order))

    # The same count however long the programme; among them the organisations
    # a place may be held for, read once for the page.
    assert queries() == short <= 9


def test_programme_demo_focal_point_edits_13_july_but_not_30_june(
    client, demo_user, held_demo_series
):
    client.force_login(demo_user("undp"))

    assert client.get(reverse("manage:programme", args=["gmg-2016", 3])).status_code == 200
    assert client.get(reverse("manage:programme", args=["gmg-2016", 2])).status_code == 403


# Participants


def test_move_participant_up_without_javascript_returns_to_the_programme(undp_client, meeting):
    greene = _participation(meeting, "Greene")

    response = undp_client.post(
        _url("programme_participant_move", meeting, greene.pk), {"direction": "up"}
    )

    assert response.status_code == 302
    assert response.url == f"{_url('programme', meeting)}#participation-{greene.pk}"
    assert _panellists(meeting) == ["Madiwale", "Greene", "Kelley"]


def test_move_participant_with_htmx_answers_with_the_programme_alone(undp_client, meeting):
    kelley = _participation(meeting, "Kelley")

    response = undp_client.post(
        _url("programme_participant_move", meeting, kelley.pk), {"direction": "down"}, **HTMX
    )

    text = response.content.decode()
    assert response.status_code == 200
    assert response["HX-Retarget"] == "#programme"
    assert text.startswith('<div id="programme"')
    assert "<html" not in text
    assert 'hx-swap-oob="true">Moved' in text
    listed = text.split('id="programme-heading"')[1]
    assert listed.index("Greene") < listed.index("Kelley")


def test_move_participant_in_an_unknown_direction_is_a_bad_request(undp_client, meeting):
    kelley = _participation(meeting, "Kelley")

    response = undp_client.post(
        _url("programme_participant_move", meeting, kelley.pk), {"direction": "sideways"}
    )

    assert response.status_code == 400


def test_add_participant_puts_the_picked_person_last(undp_client, meeting, added_by_undp):
    milner = PersonFactory(family_name="Milner")

    response = undp_client.post(
        _url("programme_participant_add", meeting, _panel(meeting).pk),
        {"person": milner.pk, "role": ProgrammeRole.PANELLIST, "speaking_time": "10", "q": "miln"},
    )

    assert response.status_code == 302
    assert _panellists(meeting) == ["Madiwale", "Kelley", "Greene", "Milner"]
    assert _participation(meeting, "Milner").speaking_time == 10


def test_add_participant_without_javascript_lists_the_people_found(
    undp_client, meeting, added_by_undp
):
    milner = PersonFactory(given_name="James", family_name="Milner")

    response = undp_client.post(
        _url("programme_participant_add", meeting, _panel(meeting).pk),
        {"role": ProgrammeRole.PANELLIST, "speaking_time": "10", "q": "miln", "find": "1"},
    )

    text = response.content.decode()
    assert response.status_code == 200
    assert f'name="person" value="{milner.pk}"' in text
    assert 'value="miln"' in text
    assert _panellists(meeting) == ["Madiwale", "Kelley", "Greene"]


def test_add_participant_keeps_what_was_typed_when_the_time_is_wrong(undp_client, meeting):
    milner = PersonFactory(family_name="Milner")

    response = undp_client.post(
        _url("programme_participant_add", meeting, _panel(meeting).pk),
        {"person": milner.pk, "role": ProgrammeRole.MODERATOR, "speaking_time": "0", "q": "miln"},
    )

    text = response.content.decode()
    assert response.status_code == 400
    assert "Nothing was saved" in text
    assert 'value="0"' in text
    assert 'value="miln"' in text
    assert '<option value="moderator" selected>' in text
    assert "Milner" not in _panellists(meeting)


def test_add_participant_refuses_someone_already_in_that_role(undp_client, meeting):
    kelley = _participation(meeting, "Kelley").person

    response = undp_client.post(
        _url("programme_participant_add", meeting, _panel(meeting).pk),
        {"person": kelley.pk, "role": ProgrammeRole.PANELLIST, "q": "kel"},
        **HTMX,
    )

    assert response.status_code == 200  # htmx swaps only a successful answer
    assert "already takes part in this segment as panellist" in response.content.decode()


def test_update_participant_changes_the_role(undp_client, meeting):
    kelley = _participation(meeting, "Kelley")

    undp_client.post(
        _url("programme_participant", meeting, kelley.pk),
        {"role": ProgrammeRole.MODERATOR, "speaking_time": "5"},
    )

    kelley.refresh_from_db()
    assert (kelley.role, kelley.speaking_time) == (ProgrammeRole.MODERATOR, 5)


def test_update_participant_saves_the_capacity_held_at_the_meeting(undp_client, meeting):
    kelley = _participation(meeting, "Kelley")

    undp_client.post(
        _url("programme_participant", meeting, kelley.pk),
        {"role": kelley.role, "capacity": "Chair of the Global Migration Group"},
    )

    kelley.refresh_from_db()
    assert kelley.capacity == "Chair of the Global Migration Group"


def test_programme_page_shows_the_capacity_in_the_form_that_changes_a_part(undp_client, meeting):
    kelley = _participation(meeting, "Kelley")
    kelley.capacity = "co-facilitator"
    kelley.save()

    page = undp_client.get(_url("programme", meeting)).content.decode()

    assert 'value="co-facilitator"' in page
    assert "Capacity at the meeting" in page


def test_remove_participant(undp_client, meeting):
    kelley = _participation(meeting, "Kelley")

    undp_client.post(_url("programme_participant_remove", meeting, kelley.pk))

    assert _panellists(meeting) == ["Madiwale", "Greene"]


# Segments


def test_add_segment_goes_last(undp_client, meeting):
    response = undp_client.post(
        _url("programme_segment_add", meeting),
        {"kind": "interactive_debate", "title": "", "duration": "30"},
    )

    added = meeting.segments.get(key="interactive-debate")
    assert response.url.endswith(f"#segment-{added.pk}")
    assert (added.order, added.duration) == (1, 30)


def test_add_segment_keeps_the_title_typed_when_the_time_budget_is_wrong(undp_client, meeting):
    response = undp_client.post(
        _url("programme_segment_add", meeting),
        {"kind": "panel", "title": "Panel 2: Protracted displacement", "duration": "-5"},
    )

    assert response.status_code == 400
    assert 'value="Panel 2: Protracted displacement"' in response.content.decode()
    assert meeting.segments.count() == 1


def test_update_segment_saves_the_changes(undp_client, meeting):
    panel = _panel(meeting)

    undp_client.post(
        _url("programme_segment", meeting, panel.pk),
        {"kind": "panel", "title": "Panel A", "duration": "45"},
    )

    panel.refresh_from_db()
    assert (panel.title, panel.duration, panel.key) == ("Panel A", 45, "panel-1")


def test_move_segment_down(undp_client, meeting):
    debate = SegmentFactory(meeting=meeting, key="debate", order=1)

    undp_client.post(
        _url("programme_segment_move", meeting, _panel(meeting).pk), {"direction": "down"}
    )

    assert list(meeting.segments.order_by("order").values_list("key", flat=True)) == [
        debate.key,
        "panel-1",
    ]


def test_remove_segment_holding_the_floor_record_says_why_not(undp_client, meeting):
    intervention = InterventionFactory(segment__meeting=meeting)

    response = undp_client.post(
        _url("programme_segment_remove", meeting, intervention.segment.pk), follow=True
    )

    assert Segment.objects.filter(pk=intervention.segment.pk).exists()
    assert "cannot be removed" in response.content.decode()


# Rows of another meeting


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("programme_segment", {"kind": "panel"}),
        ("programme_segment_remove", {}),
        ("programme_segment_move", {"direction": "up"}),
        ("programme_participant_add", {"role": "panellist", "q": "x"}),
    ],
)
def test_a_segment_of_another_meeting_is_not_found(undp_client, meeting, name, data):
    elsewhere = SegmentFactory()

    response = undp_client.post(_url(name, meeting, elsewhere.pk), data)

    assert response.status_code == 404
    assert Segment.objects.filter(pk=elsewhere.pk).exists()


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("programme_participant", {"role": "moderator"}),
        ("programme_participant_remove", {}),
        ("programme_participant_move", {"direction": "up"}),
    ],
)
def test_a_participation_of_another_meeting_is_not_found(undp_client, meeting, name, data):
    elsewhere = ParticipationFactory(role=ProgrammeRole.PANELLIST)

    response = undp_client.post(_url(name, meeting, elsewhere.pk), data)

    assert response.status_code == 404
    elsewhere.refresh_from_db()
    assert elsewhere.role == ProgrammeRole.PANELLIST


def test_a_change_is_refused_to_a_focal_point_of_another_meeting(undp_client, meeting):
    other = MeetingFactory(series=meeting.series)
    participation = ParticipationFactory(segment__meeting=other)

    response = undp_client.post(_url("programme_participant_remove", other, participation.pk), {})

    assert response.status_code == 403
    assert Participation.objects.filter(pk=participation.pk).exists()


def test_a_change_needs_a_post(undp_client, meeting):
    kelley = _participation(meeting, "Kelley")

    response = undp_client.get(_url("programme_participant_remove", meeting, kelley.pk))

    assert response.status_code == 405


# Searching the directory


def test_people_search_answers_with_buttons_that_pick_a_person(undp_client, meeting, added_by_undp):
    pucarinho = PersonFactory(given_name="Cristina", family_name="Pucariño")

    response = undp_client.get(reverse("manage:people_search"), {"q": "pucarino"}, **HTMX)

    text = response.content.decode()
    assert f'<button type="submit" name="person" value="{pucarinho.pk}"' in text
    assert "Cristina Pucariño" in text


def test_people_search_says_when_no_one_matches(undp_client, meeting):
    response = undp_client.get(reverse("manage:people_search"), {"q": "zzyzx"})

    assert "No one in the directory matches “zzyzx”" in response.content.decode()


def test_people_search_is_open_to_a_rapporteur(client, meeting):
    client.force_login(GrantFactory(series=meeting.series, role=AccessRole.RAPPORTEUR).user)

    assert client.get(reverse("manage:people_search"), {"q": "kel"}).status_code == 200


def test_people_search_is_refused_to_a_delegation(client, meeting):
    delegation = GrantFactory(
        series=meeting.series, role=AccessRole.DELEGATION, organisation=OrganisationFactory()
    ).user
    client.force_login(delegation)

    assert client.get(reverse("manage:people_search"), {"q": "kel"}).status_code == 403


def test_organisations_search_keeps_the_organisation_already_chosen(
    undp_client, meeting, added_by_undp
):
    chosen = OrganisationFactory(name="Refugee Council", acronym="RC")
    OrganisationFactory(name="Rescue Committee", acronym="IRC")

    response = undp_client.get(
        reverse("manage:organisations_search"),
        {"q": "rescue", "organisation": chosen.pk, "field": "organisation"},
    )

    text = response.content.decode()
    assert f'value="{chosen.pk}" id="organisations-{chosen.pk}" checked' in text
    assert "Rescue Committee (IRC)" in text


# Creating a person in place


def _new_person(meeting, **data):
    return {
        "segment": _panel(meeting).pk,
        "place": f"segment-{_panel(meeting).pk}",
        "honorific": "Ms.",
        "given_name": "Ninette",
        "family_name": "Kelly",
        "role": ProgrammeRole.PANELLIST,
        "speaking_time": "10",
        **data,
    }


def test_person_create_form_starts_from_the_search_typed(undp_client, meeting):
    response = undp_client.get(
        reverse("manage:person_create"),
        {"segment": _panel(meeting).pk, "q": "Jennifer Topping", "role": "moderator"},
        **HTMX,
    )

    text = response.content.decode()
    assert 'value="Jennifer"' in text
    assert 'value="Topping"' in text
    assert '<option value="moderator" selected>' in text


def test_person_create_adds_the_new_person_to_the_segment(undp_client, meeting):
    response = undp_client.post(
        reverse("manage:person_create"),
        _new_person(meeting, given_name="Jennifer", family_name="Topping"),
    )

    assert response.status_code == 302
    assert response.url.endswith(f"#segment-{_panel(meeting).pk}")
    assert _panellists(meeting)[-1] == "Topping"
    assert Person.objects.get(family_name="Topping").key == "jennifer-topping"


def test_person_create_with_htmx_answers_with_the_programme(undp_client, meeting):
    response = undp_client.post(
        reverse("manage:person_create"),
        _new_person(meeting, given_name="Jennifer", family_name="Topping"),
        **HTMX,
    )

    assert response["HX-Retarget"] == "#programme"
    assert "Added Jennifer Topping" in response.content.decode()


def test_person_create_warns_of_a_likely_duplicate_and_lists_it(undp_client, meeting):
    kelley = _participation(meeting, "Kelley").person
    Person.objects.filter(pk=kelley.pk).update(given_name="Ninette")

    response = undp_client.post(reverse("manage:person_create"), _new_person(meeting))

    text = response.content.decode()
    assert response.status_code == 400
    assert f'name="pick" value="{kelley.pk}"' in text
    assert "None of these: create a new entry" in text
    assert not Person.objects.filter(family_name="Kelly").exists()


def test_person_create_despite_the_warning_creates_the_entry(undp_client, meeting):
    Person.objects.filter(family_name="Kelley").update(given_name="Ninette")

    undp_client.post(reverse("manage:person_create"), _new_person(meeting, despite_duplicates="on"))

    assert _panellists(meeting)[-1] == "Kelly"


def test_person_create_picking_a_candidate_adds_them_instead(undp_client, meeting, added_by_undp):
    james = PersonFactory(given_name="Ninette", family_name="Kelley", key="other-kelley")

    undp_client.post(reverse("manage:person_create"), _new_person(meeting, pick=james.pk))

    assert not Person.objects.filter(family_name="Kelly").exists()
    assert Participation.objects.filter(segment=_panel(meeting), person=james).exists()


def test_person_create_creates_nothing_when_the_person_cannot_join(undp_client, meeting):
    response = undp_client.post(
        reverse("manage:person_create"),
        _new_person(meeting, given_name="Jennifer", family_name="Topping", speaking_time="0"),
    )

    assert response.status_code == 400
    assert 'value="Topping"' in response.content.decode()
    assert not Person.objects.filter(family_name="Topping").exists()


def test_person_create_for_a_segment_of_another_meeting_is_refused(undp_client, meeting):
    other_segment = SegmentFactory(meeting__series=meeting.series)

    response = undp_client.post(
        reverse("manage:person_create"),
        {**_new_person(meeting), "segment": other_segment.pk},
    )

    assert response.status_code == 403
    assert not Person.objects.filter(family_name="Kelly").exists()


def test_person_create_finds_the_organisation_without_javascript(
    undp_client, meeting, added_by_undp
):
    irc = OrganisationFactory(name="International Rescue Committee", acronym="IRC")

    response = undp_client.post(
        reverse("manage:person_create"),
        _new_person(meeting, given_name="Jennifer", family_name="Topping", q="rescue", find="1"),
    )

    text = response.content.decode()
    assert response.status_code == 200
    assert f'name="organisation" value="{irc.pk}"' in text
    assert 'value="Topping"' in text
    assert "Nothing was saved" not in text
    assert not Person.objects.filter(family_name="Topping").exists()


def test_person_create_for_a_segment_that_is_not_a_number_is_not_found(undp_client, meeting):
    response = undp_client.get(reverse("manage:person_create"), {"segment": "panel-1"})

    assert response.status_code == 404


def test_person_create_is_refused_without_directory_rights(client, meeting):
    client.force_login(GrantFactory(series=meeting.series, role=AccessRole.RAPPORTEUR).user)

    response = client.get(reverse("manage:person_create"))

    assert response.status_code == 403


# Creating an organisation in place


def test_organisation_create_from_a_person_form_keeps_what_was_typed_there(undp_client, meeting):
    response = undp_client.post(
        reverse("manage:organisation_create"),
        {
            **_new_person(meeting, given_name="Jennifer", family_name="Topping"),
            "q": "International Rescue Committee",
            "start": "1",  # the person form's "create a new organisation" button
        },
    )

    text = response.content.decode()
    assert response.status_code == 200
    assert 'value="International Rescue Committee"' in text
    form = text.split('<main id="content"', 1)[1]  # not the language switcher's
    back = html.unescape(re.search(r'name="next" value="([^"]+)"', form)[1])
    assert parse_qs(urlsplit(back).query)["family_name"] == ["Topping"]


def test_organisation_create_goes_back_to_the_person_form_with_it_chosen(undp_client, meeting):
    person_form = (
        reverse("manage:person_create")
        + "?"
        + urlencode({"segment": _panel(meeting).pk, "family_name": "Topping"})
    )

    response = undp_client.post(
        reverse("manage:organisation_create"),
        {
            "name": "International Rescue Committee",
            "acronym": "IRC",
            "kind": "ngo",
            "next": person_form,
        },
    )

    irc = Organisation.objects.get(acronym="IRC")
    assert response.url == f"{person_form}&organisation={irc.pk}"
    text = undp_client.get(response.url).content.decode()
    assert 'value="Topping"' in text
    assert (
        f'value="{irc.pk}" id="segment-{_panel(meeting).pk}-organisations-{irc.pk}" checked' in text
    )


def test_organisation_create_with_htmx_becomes_the_choice_of_the_person_form(undp_client, meeting):
    place = f"segment-{_panel(meeting).pk}"

    response = undp_client.post(
        reverse("manage:organisation_create"),
        {"name": "International Rescue Committee", "kind": "ngo", "place": place},
        **HTMX,
    )

    irc = Organisation.objects.get(name="International Rescue Committee")
    text = response.content.decode()
    assert response["HX-Retarget"] == f"#{place}-organisations"
    assert f'value="{irc.pk}" id="{place}-organisations-{irc.pk}" checked' in text
    assert f'<div id="{place}-new-organisation" hx-swap-oob="innerHTML"></div>' in text


def test_organisation_create_warns_of_an_acronym_already_in_the_directory(undp_client, meeting):
    response = undp_client.post(
        reverse("manage:organisation_create"),
        {"name": "UN Development Programme", "acronym": "UNDP", "kind": "un_entity"},
    )

    assert response.status_code == 400
    assert f'name="pick" value="{_undp().pk}"' in response.content.decode()
    assert Organisation.objects.filter(acronym="UNDP").count() == 1


def test_organisation_create_never_sends_the_user_to_another_site(undp_client, meeting):
    response = undp_client.post(
        reverse("manage:organisation_create"),
        {"name": "Refugee Council", "kind": "ngo", "next": "https://example.com/"},
    )

    assert response.url == reverse("manage:home")


def test_organisation_create_is_refused_to_the_rapporteur(client, meeting):
    client.force_login(GrantFactory(series=meeting.series, role=AccessRole.RAPPORTEUR).user)

    response = client.post(
        reverse("manage:organisation_create"), {"name": "Refugee Council", "kind": "ngo"}
    )

    assert response.status_code == 403
    assert not Organisation.objects.filter(name="Refugee Council").exists()
