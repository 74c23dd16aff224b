"""The people and organisations a user may put into a series: those "within reach".

Whoever builds a programme, names a co-chair or a co-organiser, records a
speaker or invites someone picks an entry of the directory by its id, and
whatever they pick is printed on a public page once the meeting is published.
So they may pick only an entry they may already see:

- one that appears in a meeting they may read: a public meeting of any
  published series, or any meeting, drafts included, of a series where they
  hold a role that reads drafts (`meetings.queries.visibility`);
- one they added to the directory themselves (the audit log says who), so
  that a new person joins the programme at once.

Site staff reach the whole directory. Someone who so far appears only in
another series' draft is out of reach: their name and biography stay in
that draft. The pickers' searches and every form and API field that takes
an entry's id read these two functions, and nothing else.
"""

from __future__ import annotations

from typing import TypeVar

from django.db.models import CharField, Exists, Model, OuterRef, Q, QuerySet
from django.db.models.functions import Cast

from convener.audit.actors import AnyUser
from convener.directory.models import Organisation, Person, State
from convener.directory.queries.organisations import visible_organisations
from convener.directory.queries.people import visible_people
from convener.meetings.models import CoChair, CoOrganiser, Meeting, Participation, Series
from convener.meetings.queries.visibility import reads_every_draft
from convener.records.models import Intervention

M = TypeVar("M", bound=Model)


def people_within_reach(user: AnyUser) -> QuerySet[Person]:
    """The people `user` may pick for a series they work on."""
    if reads_every_draft(user):
        return Person.objects.all()
    return Person.objects.filter(
        Exists(visible_people(user).filter(pk=OuterRef("pk"))) | _added_by(user, Person)
    )


def organisations_within_reach(user: AnyUser) -> QuerySet[Organisation]:
    """The organisations `user` may pick for a series they work on."""
    if reads_every_draft(user):
        return Organisation.objects.all()
    return Organisation.objects.filter(
        Exists(visible_organisations(user).filter(pk=OuterRef("pk")))
        | _added_by(user, Organisation)
    )


def _added_by(user: AnyUser, model: type[M]) -> Exists:
    """Entries of `model` whose creation the audit log attributes to `user`."""
    # Imported here: the roles app, which keeps the log, builds on this one.
    from convener.audit.models import AuditAction, AuditEntry

    if not user.is_authenticated:
        return Exists(AuditEntry.objects.none())
    return Exists(
        AuditEntry.objects.filter(
            user_id=user.pk,
            action=AuditAction.CREATED,
            target_type=model._meta.label,
            target_id=Cast(OuterRef("pk"), output_field=CharField()),
        )
    )


# The series in hand: whoever picks an entry for a series is offered that
# series' own people and organisations first, then the others within reach,
# so that the directory of an earlier series never crowds a new one.


def people_of_series(series: Series) -> QuerySet[Person]:
    """The people who appear in a meeting of `series` (programme, co-chair,
    moderator, the floor) or are its rapporteur."""
    return Person.objects.filter(
        Exists(Participation.objects.filter(segment__meeting__series=series, person=OuterRef("pk")))
        | Exists(CoChair.objects.filter(meeting__series=series, person=OuterRef("pk")))
        | Exists(Meeting.objects.filter(series=series, moderator=OuterRef("pk")))
        | Exists(
            Intervention.objects.filter(segment__meeting__series=series, speaker=OuterRef("pk"))
        )
        | Q(rapporteur_of=series)
    )


def organisations_of_series(series: Series) -> QuerySet[Organisation]:
    """The organisations that co-organise a meeting of `series`, take its
    floor, or whose people appear in it."""
    return Organisation.objects.filter(
        Exists(CoOrganiser.objects.filter(meeting__series=series, organisation=OuterRef("pk")))
        | Exists(
            Intervention.objects.filter(
                segment__meeting__series=series, organisation=OuterRef("pk")
            )
        )
        | Exists(people_of_series(series).filter(organisation=OuterRef("pk")))
    )


def representatives_of(state: State) -> QuerySet[Person]:
    """The people who represent `state`: of an organisation of that State (its
    mission, its government), or who co-chaired or took the floor for it."""
    return Person.objects.filter(
        Q(organisation__state=state)
        | Exists(CoChair.objects.filter(state=state, person=OuterRef("pk")))
        | Exists(Intervention.objects.filter(state=state, speaker=OuterRef("pk")))
    )
