import pytest

from convener.api.domain.tokens import create_token
from tests.factories import AdministratorFactory, UserFactory


def _bearer(user) -> dict[str, str]:
    _, secret = create_token(by=user, name="script")
    return {"Authorization": f"Bearer {secret}"}


@pytest.fixture
def admin_headers(db):
    """Headers that call the API with a token of the site administrator."""
    return _bearer(AdministratorFactory())


@pytest.fixture
def user_headers(db):
    """Headers that call the API with a token of a user with no role."""
    return _bearer(UserFactory())


@pytest.fixture
def bearer():
    """Headers that call the API with a new token of the given user."""
    return _bearer
