"""The people and organisations a user may put into a series: those "within reach".

Whoever builds a programme, names a co-chair or a co-organiser, records a
speaker or invites someone picks an entry of the directory by its id, and
whatever they pick is printed on a public page once the meeting is published.
So they may pick only an entry they may already see:

- one that appears in a meeting they may read: a public meeting of any
  published series, or any meeting, drafts included, of a series where they
  hold a role that reads drafts (`meetings.queries.visibility`,
  `records.queries.appearances`);
- one they added to the directory themselves (the audit log says who), so
  that a new person joins the programme at once.

Site staff reach the whole directory. Someone who so far appears only in
another series' draft is out of reach: their name and biography stay in
that draft. The pickers' searches and every form and API field that takes
an entry's id read these two functions, and nothing else.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django.db.models import BigIntegerField, Model, Q, QuerySet
from django.db.models.functions import Cast

from convener.audit.actors import AnyUser
from convener.audit.models import AuditAction, AuditEntry
from convener.directory.models import Organisation, Person
from convener.meetings.queries.visibility import reads_every_draft
from convener.records.queries.appearances import visible_organisations, visible_people
from convener.roles.queries import grants_of

M = TypeVar("M", bound=Model)


def people_within_reach(user: AnyUser) -> QuerySet[Person]:
    """The people `user` may pick for a series they work on."""
    return _built_once(user, Person, _people_within_reach)


def organisations_within_reach(user: AnyUser) -> QuerySet[Organisation]:
    """The organisations `user` may pick for a series they work on."""
    return _built_once(user, Organisation, _organisations_within_reach)


def _people_within_reach(user: AnyUser) -> QuerySet[Person]:
    if reads_every_draft(user):
        return Person.objects.all()
    return Person.objects.filter(
        Q(pk__in=visible_people(user).values("pk")) | _added_by(user, Person)
    )


def _organisations_within_reach(user: AnyUser) -> QuerySet[Organisation]:
    if reads_every_draft(user):
        return Organisation.objects.all()
    return Organisation.objects.filter(
        Q(pk__in=visible_organisations(user).values("pk")) | _added_by(user, Organisation)
    )


def _built_once(
    user: AnyUser, model: type[M], build: Callable[[AnyUser], QuerySet[M]]
) -> QuerySet[M]:
    """The query `build` makes for `user`, built once per user object (so once
    per request) and handed out as a fresh copy, which reads the database anew.

    Building it is most of its cost: its subqueries of every kind of part in a
    meeting take Django about 10 ms to put together, and a page with a picker
    per segment asked for it once per picker. What it selects follows from
    the user's grants, read once per user object too (`grants_of`), and from
    whether they administer the site: either changing builds it again.
    """
    key = (grants_of(user), reads_every_draft(user))
    built: dict[type[Model], tuple[Any, Any]] = user.__dict__.setdefault("_convener_reach", {})
    if model not in built or built[model][0] != key:
        built[model] = (key, build(user))
    return built[model][1].all()


def _added_by(user: AnyUser, model: type[M]) -> Q:
    """Entries of `model` whose creation the audit log attributes to `user`
    (one subquery, as `records.queries.appearances._among` says why)."""
    if not user.is_authenticated:
        return Q(pk__in=[])
    created = AuditEntry.objects.filter(
        user_id=user.pk, action=AuditAction.CREATED, target_type=model._meta.label
    )
    # The audit log keeps every target's id as text; these models' ids are numbers.
    return Q(pk__in=created.values(as_number=Cast("target_id", output_field=BigIntegerField())))
