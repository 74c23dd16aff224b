"""Every text field has a limit, and one-line fields take one clean line."""

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models

from convener.directory.limits import LineField, ProseField, one_line, prose

# Texts Convener writes itself, never a user: a published document is the sum
# of limited texts, a build error, its builder process, the audit log and the
# names folded for search are the server's words.
WRITTEN_BY_CONVENER = {
    "publishing.DocumentVersion.text",
    "publishing.DocumentVersion.document",
    "publishing.DocumentBuild.error",
    "publishing.DocumentBuild.document",
    "publishing.DocumentBuild.format",
    "publishing.DocumentBuild.builder",
    "audit.AuditEntry.user_name",
    "audit.AuditEntry.via",
    "audit.AuditEntry.target_type",
    "audit.AuditEntry.target_id",
    "audit.AuditEntry.target",
    "access.Invitation.secret_digest",
    "api.ApiToken.digest",
    "live.SpeakingQuota.group",
    "exchange.CalendarEntry.key",
    "exchange.CalendarEntry.schedule",
    "directory.Person.search_text",
    "directory.Organisation.search_text",
    "texts.TextVersion.field",
    "texts.TextVersion.source_digest",
    "search.StatementVector.model",
    "search.StatementVector.text_digest",
    "themes.StatementKeywords.text_digest",
    "themes.MeetingKeywords.text_digest",
}
# Codes and keys, which reference data or a choice list fills.
CODES = {
    "directory.M49Area.code",
    "directory.State.iso3",
    "directory.State.iso2",
    "directory.State.m49",
    "meetings.Series.timezone",
    "themes.TargetSuggestion.target",  # one of the 169 SDG targets' numbers
}

# Fields whose own validator takes one line of a known form.
_VALIDATED_BY_FORMAT = models.SlugField | models.EmailField | models.URLField


def _text_fields():
    for model in apps.get_app_configs():
        if not model.name.startswith("convener."):
            continue
        for model_class in model.get_models():
            for field in model_class._meta.get_fields():
                if isinstance(field, models.TextField | models.CharField):
                    yield f"{model_class._meta.label}.{field.name}", field


def test_every_text_a_user_types_has_a_limit_and_a_kind():
    unchecked = [
        name
        for name, field in _text_fields()
        if not isinstance(field, LineField | ProseField | _VALIDATED_BY_FORMAT)
        and not field.choices
        and name not in WRITTEN_BY_CONVENER | CODES
    ]

    assert unchecked == []


def test_every_prose_field_checks_its_length_in_full_clean():
    for _name, field in _text_fields():
        if isinstance(field, ProseField):
            with pytest.raises(ValidationError):
                field.run_validators("x" * (field.max_length + 1))


@pytest.mark.parametrize(
    "text",
    [
        "Ana\u202eziuR",  # RIGHT-TO-LEFT OVERRIDE
        "Ana\u202aRuiz",  # LEFT-TO-RIGHT EMBEDDING
        "Ana\u2066Ruiz\u2069",  # LEFT-TO-RIGHT ISOLATE … POP DIRECTIONAL ISOLATE
        "Ana\rRuiz",
        "Ana\nRuiz",
        "Ana\u2028Ruiz",  # LINE SEPARATOR
        "Ana\u2029Ruiz",  # PARAGRAPH SEPARATOR
        "Ana\u0085Ruiz",  # NEXT LINE
        "Ana\tRuiz",
        "Ana\x00Ruiz",
        "Ana\x1bRuiz",  # ESCAPE
        "Ana\ud800Ruiz",  # a lone surrogate
    ],
)
def test_one_line_refuses_line_breaks_controls_and_bidi_controls(text):
    with pytest.raises(ValidationError):
        one_line(text)


def test_one_line_takes_names_in_any_script():
    for name in ("Ana Ruiz-Pérez", "محمد بن سلمان", "李 明", "Ngũgĩ wa Thiong\u2019o"):
        one_line(name)


@pytest.mark.parametrize("text", ["a\u202eb", "a\u202db", "a\x00b", "a\x0cb", "a\ud800b"])
def test_prose_refuses_nul_controls_and_bidi_overrides(text):
    with pytest.raises(ValidationError):
        prose(text)


def test_prose_keeps_line_breaks_tabs_and_bidi_isolates():
    # An isolate keeps a Latin acronym in place inside Arabic prose.
    prose("السطر الأول\r\n\tعن \u2066UNHCR\u2069 في الفقرة\n\nفقرة")


def test_the_message_names_the_invisible_character():
    with pytest.raises(ValidationError) as refused:
        one_line("Ana\u202eziuR")

    assert refused.value.messages == [
        "Remove the invisible character U+202E RIGHT-TO-LEFT OVERRIDE."
    ]
