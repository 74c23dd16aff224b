"""Who writes a text in another language: the secretariat any language, a
translator only the language of their grant in their series; nobody the original."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from convener.roles.domain import grant_role
from convener.roles.models import Role
from convener.texts.domain import save_version
from convener.texts.models import TextPlace
from tests.factories import (
    ConceptNoteSectionFactory,
    GrantFactory,
    InterventionFactory,
    SeriesFactory,
    UserFactory,
    secretariat_of,
)

pytestmark = pytest.mark.django_db


def translator_of(series, language):
    return GrantFactory(series=series, role=Role.TRANSLATOR, language=language).user


def may(user, obj, field, language):
    return user.has_perm("text.translate", TextPlace(obj, field, language))


def test_a_translator_writes_their_language_in_their_series():
    section = ConceptNoteSectionFactory()
    translator = translator_of(section.series, "fr")

    assert may(translator, section, "body", "fr")


def test_a_translator_writes_no_other_language():
    section = ConceptNoteSectionFactory()
    translator = translator_of(section.series, "fr")

    assert not may(translator, section, "body", "es")
    assert not may(translator, section, "body", "en")


def test_a_translator_writes_nothing_in_another_series():
    section = ConceptNoteSectionFactory()
    translator = translator_of(SeriesFactory(), "fr")

    assert not may(translator, section, "body", "fr")


def test_a_translator_cannot_save_a_version_of_another_language():
    intervention = InterventionFactory()
    translator = translator_of(intervention.segment.meeting.series, "fr")

    with pytest.raises(PermissionDenied):
        save_version(
            place=TextPlace(intervention, "summary", "ru"),
            text="Резюме",
            status="translated",
            by=translator,
        )


def test_the_secretariat_writes_every_language_but_the_original():
    series = SeriesFactory(language="en")
    section = ConceptNoteSectionFactory(series=series)
    secretariat = secretariat_of(series)

    assert all(
        may(secretariat, section, "body", code) for code in ("ar", "zh-hans", "fr", "ru", "es")
    )
    assert not may(secretariat, section, "body", "en")


def test_other_roles_and_strangers_write_no_version():
    section = ConceptNoteSectionFactory()
    rapporteur = GrantFactory(series=section.series, role=Role.RAPPORTEUR).user

    assert not may(rapporteur, section, "body", "fr")
    assert not may(UserFactory(), section, "body", "fr")


def test_the_translations_page_is_for_the_secretariat_and_translators():
    series = SeriesFactory()

    assert secretariat_of(series).has_perm("series.view_translations", series)
    assert translator_of(series, "es").has_perm("series.view_translations", series)
    assert not GrantFactory(series=series, role=Role.CHAIR).user.has_perm(
        "series.view_translations", series
    )


def test_a_translator_is_granted_a_language_other_than_the_series_language():
    series = SeriesFactory(language="en")
    by = secretariat_of(series)

    with pytest.raises(ValidationError) as none:
        grant_role(user=UserFactory(), series=series, role=Role.TRANSLATOR, by=by)
    with pytest.raises(ValidationError) as original:
        grant_role(user=UserFactory(), series=series, role=Role.TRANSLATOR, language="en", by=by)
    grant = grant_role(
        user=UserFactory(), series=series, role=Role.TRANSLATOR, language="ar", by=by
    )

    assert "language" in none.value.message_dict
    assert "language" in original.value.message_dict
    assert grant.language == "ar"


def test_a_translator_reads_the_drafts_of_their_series():
    series = SeriesFactory()

    assert translator_of(series, "fr").has_perm("series.view_drafts", series)
