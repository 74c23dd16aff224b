"""An entry of the directory belongs to the secretariats of the series that use it."""

import pytest

from convener.access.domain.ownership import EntrySharedError
from convener.access.queries.ownership import directory_entry_editable_by
from convener.directory.domain.speakers import update_speaker_details
from convener.directory.models import Person
from convener.meetings.models import MeetingStatus, Series, SeriesStatus
from convener.roles.models import Role
from tests.factories import (
    AdministratorFactory,
    CoOrganiserFactory,
    GrantFactory,
    MeetingFactory,
    ParticipationFactory,
    PersonFactory,
    SeriesFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def person():
    """A panellist of series "Ours"."""
    meeting = MeetingFactory(series__title="Ours")
    return ParticipationFactory(segment__meeting=meeting, person__biography="As agreed.").person


def _secretariat_of(person):
    return GrantFactory(series=Series.objects.get(title="Ours"), role=Role.SECRETARIAT).user


def _also_in(person, *, title, draft=False):
    status = SeriesStatus.DRAFT if draft else SeriesStatus.PUBLISHED
    meeting = MeetingFactory(
        series=SeriesFactory(title=title, status=status),
        status=MeetingStatus.DRAFT if draft else MeetingStatus.PUBLISHED,
    )
    ParticipationFactory(segment__meeting=meeting, person=person)
    return meeting.series


def test_secretariat_of_the_only_series_using_a_person_changes_them(person):
    update_speaker_details(
        person=person, changes={"position": "Director"}, by=_secretariat_of(person)
    )

    assert Person.objects.get(pk=person.pk).position == "Director"


def test_secretariat_changing_a_person_another_series_shows_is_refused_naming_it(person):
    _also_in(person, title="Theirs")

    with pytest.raises(EntrySharedError) as refused:
        update_speaker_details(
            person=person, changes={"biography": "Rewritten."}, by=_secretariat_of(person)
        )

    assert "ask the secretariat of “Theirs”" in refused.value.messages[0]
    assert Person.objects.get(pk=person.pk).biography == "As agreed."


def test_refusal_does_not_name_a_draft_series_the_editor_cannot_read(person):
    _also_in(person, title="Secret plans", draft=True)

    with pytest.raises(EntrySharedError) as refused:
        update_speaker_details(person=person, changes={"position": "X"}, by=_secretariat_of(person))

    assert "Secret plans" not in refused.value.messages[0]
    assert "ask the site administrator" in refused.value.messages[0]


def test_secretariat_of_another_series_cannot_change_a_person_it_does_not_use(person):
    outsider = GrantFactory(role=Role.SECRETARIAT).user

    with pytest.raises(EntrySharedError):
        update_speaker_details(person=person, changes={"position": "X"}, by=outsider)

    assert directory_entry_editable_by(outsider, person) is False


def test_secretariat_of_every_series_using_a_person_changes_them(person):
    theirs = _also_in(person, title="Theirs")
    editor = _secretariat_of(person)
    GrantFactory(user=editor, series=theirs, role=Role.SECRETARIAT)

    assert directory_entry_editable_by(editor, person) is True


def test_the_person_changes_their_own_entry_whatever_series_show_it(person):
    _also_in(person, title="Theirs")
    ours = Series.objects.get(title="Ours")
    speaker = GrantFactory(series=ours, role=Role.SPEAKER, person=person).user

    update_speaker_details(person=person, changes={"position": "Director"}, by=speaker)

    assert Person.objects.get(pk=person.pk).position == "Director"


def test_organisation_co_organising_in_another_series_is_shared(person):
    organisation = CoOrganiserFactory(meeting=MeetingFactory(series__title="Theirs")).organisation
    ours = Series.objects.get(title="Ours").meetings.get()
    CoOrganiserFactory(meeting=ours, organisation=organisation)
    editor = _secretariat_of(person)

    assert directory_entry_editable_by(editor, organisation) is False
    assert directory_entry_editable_by(AdministratorFactory(), organisation) is True


def test_a_person_no_series_uses_yet_belongs_to_any_secretariat():
    assert directory_entry_editable_by(GrantFactory(role=Role.SECRETARIAT).user, PersonFactory())
