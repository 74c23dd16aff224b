"""A user's own account settings: `convener.access.domain.accounts`."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from convener.access.domain.accounts import choose_interface_language
from convener.access.models import AccountSettings
from convener.access.queries.accounts import interface_language_of
from convener.audit.models import AuditAction, AuditEntry
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_user_chooses_the_language_of_their_interface():
    user = UserFactory()

    choose_interface_language(user=user, language="zh-hans", by=user)

    assert AccountSettings.objects.get(user=user).language == "zh-hans"
    assert interface_language_of(user) == "zh-hans"


def test_user_goes_back_to_the_language_of_their_browser():
    user = UserFactory()
    choose_interface_language(user=user, language="fr", by=user)

    choose_interface_language(user=user, language="", by=user)

    assert interface_language_of(user) == ""


def test_user_without_a_choice_follows_the_browser():
    assert interface_language_of(UserFactory()) == ""


def test_choice_of_a_language_the_site_does_not_speak_is_refused():
    user = UserFactory()

    with pytest.raises(ValidationError) as refusal:
        choose_interface_language(user=user, language="de", by=user)

    assert list(refusal.value.message_dict) == ["language"]
    assert not AccountSettings.objects.filter(user=user).exists()


def test_choice_for_another_users_account_is_refused():
    user = UserFactory()

    with pytest.raises(PermissionDenied):
        choose_interface_language(user=user, language="fr", by=UserFactory())

    assert interface_language_of(user) == ""


def test_change_of_language_is_in_the_audit_log_under_its_user():
    user = UserFactory()
    choose_interface_language(user=user, language="fr", by=user)

    choose_interface_language(user=user, language="ar", by=user)

    entry = AuditEntry.objects.filter(target_type="access.AccountSettings").latest("pk")
    assert (entry.user, entry.action, entry.changes) == (
        user,
        AuditAction.CHANGED,
        {"language": ["fr", "ar"]},
    )


def test_choice_of_the_same_language_again_writes_nothing_to_the_audit_log():
    user = UserFactory()
    choose_interface_language(user=user, language="fr", by=user)
    entries = AuditEntry.objects.count()

    choose_interface_language(user=user, language="fr", by=user)

    assert AuditEntry.objects.count() == entries
