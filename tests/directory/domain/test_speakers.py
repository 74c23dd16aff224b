import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from convener.directory.domain.speakers import update_speaker_details
from convener.prose.editing import EditConflictError, text_digest
from tests.factories import AdministratorFactory, PersonFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_update_speaker_details_saves_the_changes_trimmed():
    person = PersonFactory(position="Director")

    update_speaker_details(
        person=person, changes={"position": " Chief economist "}, by=AdministratorFactory()
    )

    person.refresh_from_db()
    assert person.position == "Chief economist"


def test_update_speaker_details_refuses_an_empty_name_and_saves_nothing():
    person = PersonFactory(family_name="Greene", position="Director")

    with pytest.raises(ValidationError) as raised:
        update_speaker_details(
            person=person,
            changes={"family_name": "", "position": "Other"},
            by=AdministratorFactory(),
        )

    assert list(raised.value.message_dict) == ["family_name"]
    person.refresh_from_db()
    assert (person.family_name, person.position) == ("Greene", "Director")


def test_update_speaker_details_leaves_the_organisation_to_the_secretariat():
    with pytest.raises(ValueError, match="organisation"):
        update_speaker_details(
            person=PersonFactory(), changes={"organisation": None}, by=AdministratorFactory()
        )


def test_update_speaker_details_refuses_a_biography_changed_since_the_speaker_read_it():
    person = PersonFactory(biography="Written by the secretariat.")

    with pytest.raises(EditConflictError):
        update_speaker_details(
            person=person,
            changes={"biography": "Mine."},
            by=AdministratorFactory(),
            started_from={"biography": text_digest("")},
        )

    person.refresh_from_db()
    assert person.biography == "Written by the secretariat."


def test_update_speaker_details_is_refused_to_whoever_may_not_edit_the_person():
    person = PersonFactory(position="Director")

    with pytest.raises(PermissionDenied):
        update_speaker_details(person=person, changes={"position": "Other"}, by=UserFactory())

    person.refresh_from_db()
    assert person.position == "Director"
