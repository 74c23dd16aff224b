"""Who owns an entry of the directory: the series that use it.

The directory is shared by every series, so an entry's changes show on every
page that names it. An entry is used by a series when it appears in one of
its meetings (programme, co-chair, moderator, co-organiser, the floor) or is
its rapporteur; an organisation also through a place in a programme held for
it ("a representative of …") and through the people of it that appear.
The secretariat of every series that uses an entry may change it; when a
series whose secretariat the editor is not uses it too, the change is
refused and the editor is told whom to ask (`access.rules`, permission
`person.edit` / `organisation.edit`; `series_to_ask`). A person also keeps their own entry
right through their speaker grant.

`directory_entry_editable_by` is the question every writer asks, the
importer included: an import does not overwrite an entry it may not edit.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from convener.directory.models import Organisation, Person
from convener.meetings.models import Series
from convener.meetings.queries.visibility import visible_series

Entry = Person | Organisation


def series_using(entry: Entry) -> QuerySet[Series]:
    """The series in which `entry` appears."""
    if isinstance(entry, Person):
        return Series.objects.filter(_uses_person(entry)).distinct()
    return Series.objects.filter(
        Q(meetings__co_organiser_links__organisation=entry)
        | Q(meetings__segments__interventions__organisation=entry)
        | Q(meetings__segments__participations__organisation=entry)
        | Q(pk__in=Series.objects.filter(_uses_person_of(entry)).values("pk"))
    ).distinct()


def directory_entry_editable_by(user: Any, entry: Entry) -> bool:
    """Whether `user` may change `entry` (a person or an organisation)."""
    permission = "person.edit" if isinstance(entry, Person) else "organisation.edit"
    return bool(user.has_perm(permission, entry))


def series_to_ask(entry: Entry, *, user: Any) -> list[Series]:
    """The series that use `entry` whose secretariat `user` is not, among those
    the user may read: a draft series they do not prepare stays unnamed."""
    return [
        series
        for series in series_using(entry).filter(pk__in=visible_series(user)).order_by("title")
        if not user.has_perm("series.manage", series)
    ]


def _uses_person(person: Person) -> Q:
    return (
        Q(meetings__segments__participations__person=person)
        | Q(meetings__co_chairs__person=person)
        | Q(meetings__moderator=person)
        | Q(meetings__segments__interventions__speaker=person)
        | Q(rapporteur=person)
    )


def _uses_person_of(organisation: Organisation) -> Q:
    return (
        Q(meetings__segments__participations__person__organisation=organisation)
        | Q(meetings__co_chairs__person__organisation=organisation)
        | Q(meetings__moderator__organisation=organisation)
        | Q(meetings__segments__interventions__speaker__organisation=organisation)
        | Q(rapporteur__organisation=organisation)
    )
