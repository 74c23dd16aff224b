import pytest

from convener.directory.domain.reference_data import load_reference_data, reference_data_loaded


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the States and groups of States once for the whole test database."""
    with django_db_blocker.unblock():
        load_reference_data()


@pytest.fixture
def reference_data(db):
    """The reference data, reloaded if a transactional test flushed it."""
    if not reference_data_loaded():
        load_reference_data()
