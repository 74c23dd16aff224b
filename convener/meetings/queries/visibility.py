"""Who may read what: the one place that knows which series and meetings are public.

The public reads published series and the meetings of them that are published,
held or reported. Site staff read every draft; a user who helps prepare a
series (its secretariat, a focal point, its rapporteur or chair) reads that
series' drafts. Every other query
filters through these functions, so a draft never leaks through a side door
such as a person's, an organisation's or a State's page.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser, AnonymousUser
from django.db.models import Q, QuerySet

from convener.meetings.models import Meeting, MeetingStatus, Series, SeriesStatus

# What `request.user` holds: a signed-in user or the anonymous one.
AnyUser = AbstractUser | AnonymousUser


class _SecretariatReader(AnonymousUser):
    """The reader of work done for the secretariat outside a request: the command
    line, or a document built in the background for a signed-in secretariat."""

    # An anonymous user in every other respect; the stubs pin these to False.
    is_active = True  # type: ignore[assignment]
    is_staff = True  # type: ignore[assignment]


def reader(*, drafts: bool) -> AnyUser:
    """Who reads when no request's user does: the secretariat (drafts too) or the public."""
    return _SecretariatReader() if drafts else AnonymousUser()


def sees_drafts(user: AnyUser) -> bool:
    """Whether the user belongs to the secretariat, which prepares drafts."""
    return bool(user.is_active and user.is_staff)


def visible_series_q(user: AnyUser, *, path: str = "") -> Q:
    """Rows whose series, reached through `path` (e.g. "meeting__series"), the user may read."""
    if sees_drafts(user):
        return Q()
    return Q(**{_lookup(path, "status"): SeriesStatus.PUBLISHED}) | _prepared_by(user, path)


def visible_meeting_q(user: AnyUser, *, path: str = "") -> Q:
    """Rows whose meeting, reached through `path` (e.g. "segment__meeting"), the user may read.

    A meeting is public only inside a published series: publishing a meeting
    of a draft series must not reveal the series.
    """
    if sees_drafts(user):
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
    """Rows of the series the user helps prepare, drafts included."""
    if not user.is_authenticated:
        return Q(pk__in=[])
    # Imported here: the roles app builds on this one's models.
    from convener.access.queries.workspace import draft_series_ids

    series_ids = draft_series_ids(user)
    if not series_ids:
        return Q(pk__in=[])
    return Q(**{_lookup(path, "pk__in"): series_ids})


def _lookup(path: str, field: str) -> str:
    return f"{path}__{field}" if path else field
