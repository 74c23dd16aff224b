"""The record of a meeting and the report's prose, as the rapporteur edits them."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from convener.meetings.models import MeetingStatus
from convener.prose.editing import text_digest
from convener.publishing.models import ReportText
from convener.roles.models import Role
from tests.factories import (
    CoChairFactory,
    GrantFactory,
    InterventionFactory,
    MeetingFactory,
    SegmentFactory,
    UserFactory,
)
from tests.html_safety import unsafe_markup

pytestmark = pytest.mark.django_db


@pytest.fixture
def turn():
    """A statement from the floor in the debate of a draft meeting."""
    meeting = MeetingFactory(status=MeetingStatus.DRAFT, summary="The meeting *agreed*.")
    segment = SegmentFactory(meeting=meeting, key="debate", title="Interactive debate")
    return InterventionFactory(segment=segment, summary="Called for regular pathways.")


def _meeting_url(name, turn, *more):
    meeting = turn.segment.meeting
    return reverse(f"manage:{name}", args=[meeting.series.slug, meeting.number, *more])


def _signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def _holder(turn, role, **narrowing):
    return GrantFactory(series=turn.segment.meeting.series, role=role, **narrowing).user


def _save(client, url, *, prefix, text, started_from, **extra):
    data = {f"{prefix}-text": text, f"{prefix}-started_from": started_from, "action": "save"}
    return client.post(url, data, **extra)


# The record page


def test_records_page_shows_each_statement_with_its_speaker_and_summary(turn):
    client = _signed_in(_holder(turn, Role.RAPPORTEUR))

    response = client.get(_meeting_url("records", turn))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Interactive debate" in page
    assert turn.speaker_label in page
    assert "in national capacity" in page
    assert "Called for regular pathways." in page
    assert "The meeting <em>agreed</em>." in page
    assert _meeting_url("records_intervention", turn, turn.pk) in page


def test_records_page_renders_a_summary_sanitised(turn):
    turn.summary = "Said <script>alert(1)</script>**this**."
    turn.save()
    client = _signed_in(_holder(turn, Role.RAPPORTEUR))

    page = client.get(_meeting_url("records", turn)).content.decode()

    assert "<script>alert(1)" not in page
    assert "<strong>this</strong>" in page


def test_records_page_costs_the_same_queries_however_many_statements(
    turn, django_assert_max_num_queries
):
    client = _signed_in(_holder(turn, Role.RAPPORTEUR))
    client.get(_meeting_url("records", turn))
    for _ in range(5):
        InterventionFactory(segment=turn.segment)
    SegmentFactory(meeting=turn.segment.meeting)

    # Six for the record, five for the form that adds a turn (its segments,
    # and the people, States, groups and organisations it offers).
    with django_assert_max_num_queries(11):
        response = client.get(_meeting_url("records", turn))

    assert response.status_code == 200


def test_records_page_refuses_the_rapporteur_of_another_meeting(turn):
    other = MeetingFactory(series=turn.segment.meeting.series)
    client = _signed_in(_holder(turn, Role.RAPPORTEUR, meeting=other))

    assert client.get(_meeting_url("records", turn)).status_code == 403


def test_records_page_of_a_draft_is_not_found_for_someone_outside_the_series(turn):
    client = _signed_in(UserFactory())

    assert client.get(_meeting_url("records", turn)).status_code == 404


def test_records_page_sends_a_signed_out_visitor_to_sign_in(client, turn):
    url = _meeting_url("records", turn)

    response = client.get(url)

    assert response.status_code == 302
    assert response.url == f"{reverse('login')}?next={url}"


# Editing one text


def test_statement_editor_starts_from_the_stored_summary(turn):
    client = _signed_in(_holder(turn, Role.RAPPORTEUR))

    form = client.get(_meeting_url("records_intervention", turn, turn.pk)).context["form"]

    assert form["text"].value() == "Called for regular pathways."
    assert form["started_from"].value() == text_digest("Called for regular pathways.")


def test_saving_a_statement_summary_returns_to_the_record(turn):
    client = _signed_in(_holder(turn, Role.RAPPORTEUR))
    url = _meeting_url("records_intervention", turn, turn.pk)

    response = _save(
        client,
        url,
        prefix=f"intervention-{turn.pk}",
        text="Called for *safe* pathways.",
        started_from=text_digest(turn.summary),
    )

    assert response.status_code == 302
    assert response.url == f"{_meeting_url('records', turn)}#intervention-{turn.pk}-text"
    turn.refresh_from_db()
    assert turn.summary == "Called for *safe* pathways."


def test_preview_shows_the_sanitised_text_without_saving(turn):
    client = _signed_in(_holder(turn, Role.RAPPORTEUR))
    prefix = f"intervention-{turn.pk}"

    response = client.post(
        _meeting_url("records_intervention", turn, turn.pk),
        {
            f"{prefix}-text": "A *new* idea<img src=x onerror=alert(1)>",
            f"{prefix}-started_from": text_digest(turn.summary),
            "action": "preview",
        },
    )

    page = response.content.decode()
    assert "A <em>new</em> idea" in page
    preview = page.split(f'id="{prefix}-preview"')[1]
    assert "idea&lt;img src=x onerror=alert(1)&gt;" in preview
    assert unsafe_markup(preview) == []
    turn.refresh_from_db()
    assert turn.summary == "Called for regular pathways."


def test_segment_summary_is_saved(turn):
    client = _signed_in(_holder(turn, Role.RAPPORTEUR))

    response = _save(
        client,
        _meeting_url("records_segment", turn, "debate"),
        prefix="segment-debate",
        text="Delegations spoke of pathways.",
        started_from=text_digest(""),
    )

    assert response.status_code == 302
    turn.segment.refresh_from_db()
    assert turn.segment.summary == "Delegations spoke of pathways."


def test_executive_summary_is_saved(turn):
    client = _signed_in(_holder(turn, Role.SECRETARIAT))
    meeting = turn.segment.meeting

    _save(
        client,
        _meeting_url("records_summary", turn),
        prefix="executive-summary",
        text="Seven States spoke.",
        started_from=text_digest(meeting.summary),
    )

    meeting.refresh_from_db()
    assert meeting.summary == "Seven States spoke."


def test_statement_of_another_meeting_is_not_found_through_this_one(turn):
    elsewhere = InterventionFactory()
    client = _signed_in(_holder(turn, Role.RAPPORTEUR))

    response = client.get(_meeting_url("records_intervention", turn, elsewhere.pk))

    assert response.status_code == 404


def test_segment_of_another_meeting_is_not_found_through_this_one(turn):
    SegmentFactory(key="elsewhere")
    client = _signed_in(_holder(turn, Role.RAPPORTEUR))

    assert client.get(_meeting_url("records_segment", turn, "elsewhere")).status_code == 404


def test_a_chair_may_not_edit_the_record(turn):
    client = _signed_in(_holder(turn, Role.CHAIR))

    response = _save(
        client,
        _meeting_url("records_intervention", turn, turn.pk),
        prefix=f"intervention-{turn.pk}",
        text="Rewritten.",
        started_from=text_digest(turn.summary),
    )

    assert response.status_code == 403
    turn.refresh_from_db()
    assert turn.summary == "Called for regular pathways."


# Two people editing one summary at once


def test_second_save_of_one_summary_is_refused_and_nothing_typed_is_lost(turn):
    url = _meeting_url("records_intervention", turn, turn.pk)
    prefix = f"intervention-{turn.pk}"
    secretariat = _signed_in(_holder(turn, Role.SECRETARIAT, user=UserFactory(username="sofia")))
    rapporteur = _signed_in(_holder(turn, Role.RAPPORTEUR, meeting=turn.segment.meeting))
    opened_by_secretariat = secretariat.get(url).context["form"]["started_from"].value()
    opened_by_rapporteur = rapporteur.get(url).context["form"]["started_from"].value()

    first = _save(
        secretariat,
        url,
        prefix=prefix,
        text="Called for regular pathways and family reunification.",
        started_from=opened_by_secretariat,
    )
    second = _save(
        rapporteur,
        url,
        prefix=prefix,
        text="Called for regular pathways for workers.",
        started_from=opened_by_rapporteur,
    )

    assert first.status_code == 302
    assert second.status_code == 409
    page = second.content.decode()
    assert "someone else saved this text while you were editing it" in page
    assert "sofia saved the text below" in page
    assert "Called for regular pathways and family reunification." in page
    form = second.context["form"]
    assert form["text"].value() == "Called for regular pathways for workers."
    turn.refresh_from_db()
    assert turn.summary == "Called for regular pathways and family reunification."

    merged = _save(
        rapporteur,
        url,
        prefix=prefix,
        text="Called for regular pathways for workers and family reunification.",
        started_from=form["started_from"].value(),
    )

    assert merged.status_code == 302
    turn.refresh_from_db()
    assert turn.summary == "Called for regular pathways for workers and family reunification."


def test_refused_save_in_place_answers_so_that_htmx_shows_both_texts(turn):
    url = _meeting_url("records_intervention", turn, turn.pk)
    turn.summary = "Saved meanwhile."
    turn.save()
    client = _signed_in(_holder(turn, Role.RAPPORTEUR))

    response = _save(
        client,
        url,
        prefix=f"intervention-{turn.pk}",
        text="Mine.",
        started_from=text_digest("Called for regular pathways."),
        HTTP_HX_REQUEST="true",
    )

    assert response.status_code == 200
    assert f'id="intervention-{turn.pk}-text"' in response.content.decode()
    assert "Saved meanwhile." in response.content.decode()


# The report's prose


@pytest.fixture
def series_with_co_chair(turn):
    CoChairFactory(
        meeting=turn.segment.meeting,
        person__given_name="Juan",
        person__family_name="Gómez",
        person__honorific="H.E.",
    )
    return turn.segment.meeting.series


def test_report_text_starts_from_the_acknowledgements_the_records_write(series_with_co_chair):
    client = _signed_in(GrantFactory(series=series_with_co_chair, role=Role.SECRETARIAT).user)

    response = client.get(
        reverse("manage:report_text", args=[series_with_co_chair.slug, "acknowledgements"])
    )

    text = response.context["form"]["text"].value()
    assert "Juan Gómez" in text
    assert response.context["form"]["started_from"].value() == text_digest("")


def test_report_text_starts_from_the_stored_text_once_there_is_one(series_with_co_chair):
    ReportText.objects.create(series=series_with_co_chair, kind="introduction", body="Ours.")
    client = _signed_in(GrantFactory(series=series_with_co_chair, role=Role.RAPPORTEUR).user)

    response = client.get(
        reverse("manage:report_text", args=[series_with_co_chair.slug, "introduction"])
    )

    assert response.context["form"]["text"].value() == "Ours."


def test_rapporteur_of_the_series_saves_the_introduction(series_with_co_chair):
    client = _signed_in(GrantFactory(series=series_with_co_chair, role=Role.RAPPORTEUR).user)
    url = reverse("manage:report_text", args=[series_with_co_chair.slug, "introduction"])

    response = _save(
        client, url, prefix="report-introduction", text="Four panels.", started_from=text_digest("")
    )

    assert response.status_code == 302
    assert ReportText.objects.get(series=series_with_co_chair).body == "Four panels."


def test_rapporteur_of_one_meeting_may_not_edit_the_report(turn):
    meeting = turn.segment.meeting
    client = _signed_in(_holder(turn, Role.RAPPORTEUR, meeting=meeting))

    response = client.get(reverse("manage:report_text", args=[meeting.series.slug, "introduction"]))

    assert response.status_code == 403


def test_report_has_no_other_part_to_edit(turn):
    client = _signed_in(_holder(turn, Role.SECRETARIAT))

    response = client.get(
        reverse("manage:report_text", args=[turn.segment.meeting.series.slug, "preface"])
    )

    assert response.status_code == 404


def test_demo_rapporteur_edits_the_acknowledgements_starting_from_the_records(demo_user):
    client = _signed_in(demo_user("rapporteur"))

    response = client.get(reverse("manage:report_text", args=["gmg-2016", "acknowledgements"]))

    text = response.context["form"]["text"].value()
    assert "H.E. Karel van Oosterom" in text
    assert "was rapporteur of the meetings" in text
