"""Who may read what: the one place that knows which series and meetings are public.

The public reads published series and the meetings of them that are published,
held or reported. Drafts are read by grants, never by a flag of the account:
the site administrator (an active superuser) reads every draft; a user who
helps prepare a series (its secretariat, a focal point, its rapporteur or
chair) reads that series' drafts; `is_staff` alone reads nothing more than the
public. `reads_drafts_of` is that rule, and the `series.view_drafts`
permission asks it. Every other query filters through these functions, so a
draft never leaks through a side door such as a person's, an organisation's
or a State's page, a feed, the API or a document built in the background.
"""

from __future__ import annotations

from collections.abc import Collection

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q, QuerySet

from convener.audit.actors import AnyUser, CommandLineOperator
from convener.meetings.models import Meeting, MeetingStatus, Series, SeriesStatus
from convener.roles.queries import draft_series_ids


class _Reader(AnonymousUser):
    """A reader outside a request: no account, no grants, only the drafts it is given."""

    def __init__(self, *, draft_series: Collection[int] = ()) -> None:
        self.draft_series = frozenset(draft_series)

    def __str__(self) -> str:
        return f"reader of the drafts of series {sorted(self.draft_series)}"


def public_reader() -> AnyUser:
    """The public: what an anonymous visitor reads."""
    return AnonymousUser()


def command_line_reader() -> AnyUser:
    """The operator at the command line (`convener build`), who reads every draft:
    whoever runs the command holds the database already."""
    return CommandLineOperator()


def series_drafts_reader(series_id: int) -> AnyUser:
    """The reader of a document built outside the request of a user who reads
    this series' drafts: the series and its drafts, and the public's pages."""
    return _Reader(draft_series=(series_id,))


def reader_of_the_same_drafts(user: AnyUser) -> AnyUser:
    """A reader without an account who reads exactly the drafts `user` reads.

    Whatever is shown to it may be shown to every user who reads those drafts,
    and to no one else: a page rendered for it is the same for all of them
    (the page cache shares it, keyed by `drafts_read_key`). Having no account,
    it brings nothing of the user's own to the page."""
    if reads_every_draft(user):
        return command_line_reader()
    return _Reader(draft_series=draft_series_read_by(user))


def drafts_read_key(user: AnyUser) -> str:
    """Which drafts the user reads, as a short text: "every", "none", or the
    series' numbers ("3.7"). Two users with the same key read the same things."""
    if reads_every_draft(user):
        return "every"
    return ".".join(str(pk) for pk in sorted(draft_series_read_by(user))) or "none"


def reads_every_draft(user: AnyUser) -> bool:
    """Whether the user reads the drafts of every series: the site administrator."""
    if isinstance(user, CommandLineOperator):
        return True
    if isinstance(user, _Reader):
        return False
    return bool(user.is_active and user.is_superuser)


def draft_series_read_by(user: AnyUser) -> frozenset[int]:
    """The series whose drafts the user reads because they help prepare them."""
    if isinstance(user, _Reader):
        return user.draft_series
    if not (user.is_authenticated and user.is_active):
        return frozenset()
    return frozenset(draft_series_ids(user))


def reads_drafts_of(user: AnyUser, series: Series) -> bool:
    """Whether the user reads this series' drafts (the rule of `series.view_drafts`)."""
    return reads_every_draft(user) or series.pk in draft_series_read_by(user)


def visible_series_q(user: AnyUser, *, path: str = "") -> Q:
    """Rows whose series, reached through `path` (e.g. "meeting__series"), the user may read."""
    if reads_every_draft(user):
        return Q()
    return Q(**{_lookup(path, "status"): SeriesStatus.PUBLISHED}) | _prepared_by(user, path)


def visible_meeting_q(user: AnyUser, *, path: str = "") -> Q:
    """Rows whose meeting, reached through `path` (e.g. "segment__meeting"), the user may read.

    A meeting is public only inside a published series: publishing a meeting
    of a draft series must not reveal the series.
    """
    if reads_every_draft(user):
        return Q()
    series_path = _lookup(path, "series")
    public = Q(**{_lookup(path, "status__in"): MeetingStatus.public()}) & Q(
        **{_lookup(series_path, "status"): SeriesStatus.PUBLISHED}
    )
    return public | _prepared_by(user, series_path)


def visible_series(user: AnyUser) -> QuerySet[Series]:
    return Series.objects.filter(visible_series_q(user))


def visible_meetings(user: AnyUser) -> QuerySet[Meeting]:
    return Meeting.objects.filter(visible_meeting_q(user))


def _prepared_by(user: AnyUser, path: str) -> Q:
    """Rows of the series whose drafts the user reads."""
    series_ids = draft_series_read_by(user)
    if not series_ids:
        return Q(pk__in=[])
    return Q(**{_lookup(path, "pk__in"): sorted(series_ids)})


def _lookup(path: str, field: str) -> str:
    return f"{path}__{field}" if path else field
