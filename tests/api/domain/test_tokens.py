import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from convener.api.auth import note_use
from convener.api.domain.tokens import create_token, revoke_token
from convener.api.models import ApiToken, digest_of
from convener.api.queries.tokens import active_token, tokens_of
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_create_token_keeps_only_the_sha256_of_the_secret():
    token, secret = create_token(by=UserFactory(), name="Script")

    assert token.digest == digest_of(secret)
    assert secret not in {token.name, token.digest}


def test_create_token_makes_a_long_recognisable_secret():
    _, secret = create_token(by=UserFactory(), name="Script")

    assert secret.startswith("cvn_")
    assert len(secret) >= 40


def test_create_token_makes_a_different_secret_each_time():
    user = UserFactory()

    assert create_token(by=user, name="a")[1] != create_token(by=user, name="b")[1]


def test_create_token_needs_a_name():
    with pytest.raises(ValidationError):
        create_token(by=UserFactory(), name=" ")


def test_revoke_token_by_another_user_is_denied():
    token, _ = create_token(by=UserFactory(), name="Script")

    with pytest.raises(PermissionDenied):
        revoke_token(token=token, by=UserFactory())

    assert ApiToken.objects.get().revoked_at is None


def test_revoke_token_twice_keeps_the_first_time():
    token, _ = create_token(by=UserFactory(), name="Script")
    revoke_token(token=token, by=token.user)
    first = token.revoked_at

    revoke_token(token=token, by=token.user)

    assert ApiToken.objects.get().revoked_at == first


def test_active_token_finds_a_token_by_its_secret():
    token, secret = create_token(by=UserFactory(), name="Script")

    assert active_token(secret) == token
    assert active_token(secret + "x") is None


def test_active_token_ignores_revoked_tokens():
    token, secret = create_token(by=UserFactory(), name="Script")
    revoke_token(token=token, by=token.user)

    assert active_token(secret) is None


def test_tokens_of_gives_only_the_users_own_tokens():
    user = UserFactory()
    mine, _ = create_token(by=user, name="Mine")
    create_token(by=UserFactory(), name="Theirs")

    assert list(tokens_of(user)) == [mine]


def test_note_use_writes_at_most_once_a_minute(django_assert_num_queries):
    token, _ = create_token(by=UserFactory(), name="Script")
    note_use(token=token)
    token.last_used_at = timezone.now() - datetime.timedelta(seconds=30)

    with django_assert_num_queries(0):
        note_use(token=token)


def test_create_token_by_an_inactive_account_is_refused():
    user = UserFactory(is_active=False)

    with pytest.raises(PermissionDenied):
        create_token(by=user, name="Script")

    assert not ApiToken.objects.exists()
