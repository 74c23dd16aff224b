"""The workspace's forms refuse a text over its limit and give it back, and
refuse one-line fields that hold a line break or a bidirectional override."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from convener.directory.limits import BIOGRAPHY, REPORT, SECTION, SUMMARY
from convener.live.interfaces.forms import RaisedFlagForm
from convener.manage.interfaces.directory import PersonForm
from convener.meetings.models import ConceptNoteSection, MeetingStatus, SeriesStatus
from convener.prose.editing import text_digest
from convener.roles.models import Role
from tests.factories import (
    GrantFactory,
    InterventionFactory,
    MeetingFactory,
    ParticipationFactory,
    PersonFactory,
    SegmentFactory,
    SeriesFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

# Two megabytes pasted into a section, as in the finding.
PASTE = ("Background and justification; " * 70_000)[: 2 * 1024 * 1024 - 1] + "."


@pytest.fixture
def series():
    return SeriesFactory(slug="gmg-2017", status=SeriesStatus.DRAFT)


def _signed_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def secretariat(series):
    return _signed_in(GrantFactory(series=series, role=Role.SECRETARIAT).user)


def test_concept_note_section_paste_of_2_mb_is_refused_and_kept_in_the_form(secretariat):
    response = secretariat.post(
        reverse("manage:section_create", args=["gmg-2017"]),
        {"kind": "background", "heading": "Background", "body": PASTE},
    )

    assert response.status_code == 200
    assert response.context["form"].errors["body"] == [
        f"Ensure this value has at most {SECTION} characters (it has {len(PASTE)})."
    ]
    assert response.context["form"]["body"].value() == PASTE
    assert PASTE in response.content.decode()
    assert f'maxlength="{SECTION}"' in response.content.decode()
    assert not ConceptNoteSection.objects.exists()


def test_concept_note_section_at_its_limit_is_saved(secretariat):
    secretariat.post(
        reverse("manage:section_create", args=["gmg-2017"]),
        {"kind": "background", "heading": "Background", "body": PASTE[:SECTION]},
    )

    assert ConceptNoteSection.objects.get().body == PASTE[:SECTION]


def test_speaker_biography_of_8_kb_is_refused_and_nothing_is_saved():
    meeting = MeetingFactory(status=MeetingStatus.DRAFT)
    person = PersonFactory(biography="Economist.")
    ParticipationFactory(segment=SegmentFactory(meeting=meeting), person=person)
    speaker = GrantFactory(series=meeting.series, role=Role.SPEAKER, person=person).user
    biography = "[" * 8 * 1024  # the pathological Markdown of the finding

    response = _signed_in(speaker).post(
        reverse("manage:my_details", args=[person.key]),
        {
            "honorific": person.honorific,
            "given_name": person.given_name,
            "family_name": person.family_name,
            "position": person.position,
            "short_name": person.short_name,
            "biography": biography,
            "biography_started_from": text_digest(person.biography),
        },
    )

    assert response.status_code == 200
    assert f"at most {BIOGRAPHY} characters" in response.content.decode()
    assert biography in response.content.decode()
    person.refresh_from_db()
    assert person.biography == "Economist."


def test_statement_summary_over_its_limit_is_refused_and_kept_in_the_form():
    turn = InterventionFactory(segment__meeting__status=MeetingStatus.DRAFT, summary="Short.")
    meeting = turn.segment.meeting
    rapporteur = GrantFactory(series=meeting.series, role=Role.RAPPORTEUR).user
    prefix = f"intervention-{turn.pk}"
    text = "x" * (SUMMARY + 1)

    response = _signed_in(rapporteur).post(
        reverse("manage:records_intervention", args=[meeting.series.slug, meeting.number, turn.pk]),
        {f"{prefix}-text": text, f"{prefix}-started_from": text_digest("Short."), "action": "save"},
    )

    assert response.status_code == 200
    assert response.context["form"].errors["text"] == [
        f"Ensure this value has at most {SUMMARY} characters (it has {SUMMARY + 1})."
    ]
    assert response.context["form"]["text"].value() == text
    turn.refresh_from_db()
    assert turn.summary == "Short."


def test_section_preview_of_a_text_over_its_limit_is_not_rendered(secretariat):
    response = secretariat.post(
        reverse("manage:section_create", args=["gmg-2017"]),
        {"kind": "topics", "heading": "Topics", "body": "[" * (SECTION + 1), "preview": "1"},
    )

    assert response.context["preview"] is None
    assert f"at most {SECTION} characters" in response.content.decode()
    assert not ConceptNoteSection.objects.exists()


def test_markdown_preview_of_a_text_longer_than_any_field_is_not_rendered(secretariat):
    response = secretariat.post(
        reverse("manage:markdown_preview"), {"field": "body", "body": "[" * (REPORT + 1)}
    )

    assert response.status_code == 200
    assert "longer than any field takes (100,000 characters)" in response.content.decode()


def _person(**changes):
    return {"given_name": "Ana", "family_name": "Ruiz", **changes}


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("family_name", "Ruiz\u202eeman", "Remove the invisible character U+202E"),
        ("given_name", "Ana\r\nInjected: line", "Write this on one line"),
        ("position", "Director\u2028Injected", "Write this on one line"),
        ("honorific", "H.E.\u2067", "Remove the invisible character U+2067"),
    ],
)
def test_person_form_refuses_line_breaks_and_bidi_controls_in_a_name(field, value, message):
    form = PersonForm(_person(**{field: value}), user=UserFactory())

    assert not form.is_valid()
    assert form.errors[field][0].startswith(message)


def test_person_form_takes_a_name_in_arabic_script():
    form = PersonForm(_person(given_name="محمد", family_name="العلي"), user=UserFactory())

    assert form.is_valid()


def test_speaker_name_on_a_raised_flag_refuses_a_line_break():
    form = RaisedFlagForm({"speaker_name": "Ms. Ruiz\nBEGIN:VEVENT"}, user=UserFactory())

    assert not form.is_valid()
    assert "speaker_name" in form.errors


def test_request_body_over_the_upload_limit_is_refused_with_a_413_page(secretariat):
    body = "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)

    response = secretariat.post(
        reverse("manage:section_create", args=["gmg-2017"]),
        {"kind": "background", "heading": "Background", "body": body},
    )

    assert response.status_code == 413
    assert "Nothing was saved" in response.content.decode()
    assert not ConceptNoteSection.objects.exists()


def test_a_file_sent_to_a_form_is_refused(secretariat):
    response = secretariat.post(
        reverse("manage:section_create", args=["gmg-2017"]),
        {"kind": "background", "heading": "Background", "body": "Text", "attachment": _file()},
    )

    assert response.status_code == 400
    assert "Nothing was saved" in response.content.decode()
    assert not ConceptNoteSection.objects.exists()


def _file():
    return SimpleUploadedFile("notes.txt", b"x" * 1024, content_type="text/plain")
