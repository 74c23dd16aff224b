import pytest

from convener.api.domain.tokens import create_token
from tests.factories import StaffFactory, UserFactory


def _bearer(user) -> dict[str, str]:
    _, secret = create_token(user=user, name="script")
    return {"Authorization": f"Bearer {secret}"}


@pytest.fixture
def staff_headers(db):
    """Headers that call the API with a token of the secretariat."""
    return _bearer(StaffFactory())


@pytest.fixture
def user_headers(db):
    """Headers that call the API with a token of a user outside the secretariat."""
    return _bearer(UserFactory())
