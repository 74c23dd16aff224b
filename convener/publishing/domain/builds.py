"""Building document files in the background, once per content revision.

A request for a PDF or Word file never waits for it: `request_build` records
the wish and queues a task (Django's tasks API, whose database backend keeps
the queue in the database); `convener worker` runs it and writes the file
into the database; the next request for the same document, format, language,
audience and revision gets it, and the builds of earlier revisions are
deleted. A
build moves from queued to running (`builder` names the worker process) to
done or failed: that is the progress the download page follows.

A queued build waits in the database and outlives every process. A running
build whose worker has died (a crash, a restart, a kill) is queued again by
the next worker that starts on the machine (`restart_abandoned_builds`) or by
the next request for it, and marked failed after `MAX_ATTEMPTS`; a build
whose worker cannot be seen from here (another machine), or whose task was
lost, is queued again once it is `STALE_AFTER` old. A starting worker also
deletes the finished builds no request will ask for again
(`delete_outdated_builds`).
"""

from __future__ import annotations

import datetime
import logging
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django_tasks import task

from convener.audit.actors import AnyUser, acts
from convener.meetings.domain.revision import current_revision
from convener.meetings.models import Series
from convener.meetings.queries.visibility import (
    public_reader,
    reads_drafts_of,
    series_drafts_reader,
)
from convener.publishing.composition.documents import compose
from convener.publishing.domain.processes import process_gone, this_process
from convener.publishing.exporters import exporters
from convener.publishing.models import Audience, BuildStatus, DocumentBuild

logger = logging.getLogger(__name__)

STALE_AFTER = datetime.timedelta(minutes=10)
# A document whose build kills its process (memory, a crash in a library)
# is not tried for ever.
MAX_ATTEMPTS = 3


@acts("series.read", on="series")
def request_build(
    *,
    series: Series,
    document: str,
    meeting_number: int | None,
    file_format: str,
    by: AnyUser,
    language: str = settings.LANGUAGE_CODE,
) -> DocumentBuild:
    """The build of this document in this language (one of `settings.LANGUAGES`)
    for the current revision, queued if it is new or stale."""
    fields: dict[str, Any] = {
        "series": series,
        "meeting_number": meeting_number or 0,
        "document": document,
        "format": file_format,
        "language": language,
        "revision": current_revision(),
        # The builder runs outside this request: the row records what the
        # requesting user reads (this series' drafts, or the public's pages),
        # and the builder reads as that (`_reader_of`).
        "audience": Audience.SECRETARIAT if reads_drafts_of(by, series) else Audience.PUBLIC,
    }
    try:
        with transaction.atomic():  # a savepoint: a lost race leaves the transaction usable
            build, created = DocumentBuild.objects.get_or_create(**fields)
    except IntegrityError:  # another request created it a moment ago
        build, created = DocumentBuild.objects.get(**fields), False
    if created or _abandoned(build):
        _queue(build)
    return build


def _abandoned(build: DocumentBuild) -> bool:
    if build.status not in {BuildStatus.QUEUED, BuildStatus.RUNNING}:
        return False
    # A queued build has no process: its task waits in the database.
    gone = build.status == BuildStatus.RUNNING and process_gone(build.builder)
    return gone or timezone.now() - build.requested_at > STALE_AFTER


def restart_abandoned_builds() -> int:
    """Queue again the builds left running by workers of this machine that have
    died (a worker starting after a crash or a kill); how many were found."""
    running = DocumentBuild.objects.filter(status=BuildStatus.RUNNING).defer("content")
    abandoned = [build for build in running if process_gone(build.builder)]
    for build in abandoned:
        _queue(build)
    return len(abandoned)


@acts("site.maintain", on=None)
def delete_outdated_builds(*, by: AnyUser) -> int:
    """Delete the finished builds of earlier content revisions, which no request
    asks for again (a request names the current revision): those a newer build
    did not replace, because none was asked for or it failed. How many went."""
    deleted, _ = DocumentBuild.objects.filter(
        revision__lt=current_revision(), status__in=[BuildStatus.DONE, BuildStatus.FAILED]
    ).delete()
    return deleted


def _queue(build: DocumentBuild) -> None:
    """Queue the build, unless another request just did, or it was tried too
    often; `build` is left as the database has it."""
    if build.attempts >= MAX_ATTEMPTS:
        changes: dict[str, Any] = {
            "status": BuildStatus.FAILED,
            "error": f"The build stopped {build.attempts} times without finishing.",
            "finished_at": timezone.now(),
        }
    else:
        changes = {
            "status": BuildStatus.QUEUED,
            "requested_at": timezone.now(),
            "error": "",
            "builder": "",
            "attempts": build.attempts + 1,
        }
    # Only if nobody changed it since it was read: of two requests that find
    # the same abandoned build, one queues it.
    unchanged = {"status": build.status, "builder": build.builder, "attempts": build.attempts}
    if DocumentBuild.objects.filter(pk=build.pk, **unchanged).update(**changes):
        for field, value in changes.items():
            setattr(build, field, value)
        if build.status == BuildStatus.QUEUED:
            # Queued once the row is committed, so the worker finds it queued.
            transaction.on_commit(lambda: build_document.enqueue(build.pk))
    else:
        build.refresh_from_db()


@task()
def build_document(build_id: int) -> None:
    """The task `convener worker` runs (at once, in tests: the immediate backend)."""
    run_build(build_id)


def run_build(build_id: int) -> None:
    """Write the file of a queued build, as the reader it was asked for
    (`_reader_of`); nothing if another worker took it.

    Three steps, not one transaction: the claim is committed before the file
    is written, so that the download page shows it running and a worker that
    dies leaves it running for the next one to restart; and writing a PDF
    takes seconds, which no transaction should hold (SQLite's would keep
    every other writer waiting).
    """
    build = (
        DocumentBuild.objects.select_related("series")
        .defer("content")
        .filter(pk=build_id, status=BuildStatus.QUEUED)
        .first()
    )
    if build is None:
        return
    reader = _reader_of(build)
    if not claim_build(build=build, by=reader):
        return
    try:
        document = compose(
            series_slug=build.series.slug,
            document=build.document,
            meeting_number=build.meeting_number or None,
            user=reader,
            language=build.language,
        )
        content = exporters()[build.format].write(document)
    except Exception as error:
        logger.exception("Building %s failed", build)
        finish_build(build=build, content=None, error=str(error), by=reader)
        return
    finish_build(build=build, content=content, by=reader)


@acts("series.read", on="build")
def claim_build(*, build: DocumentBuild, by: AnyUser) -> bool:
    """Mark the queued build as running in this process; False if another
    worker took it first."""
    return bool(
        DocumentBuild.objects.filter(pk=build.pk, status=BuildStatus.QUEUED).update(
            status=BuildStatus.RUNNING, builder=this_process()
        )
    )


@acts("series.read", on="build")
def finish_build(
    *, build: DocumentBuild, content: bytes | None, by: AnyUser, error: str = ""
) -> None:
    """Keep the file written (`content`), or why it could not be (`error`);
    once done, the builds of earlier revisions go."""
    if content is None:
        DocumentBuild.objects.filter(pk=build.pk).update(
            status=BuildStatus.FAILED, error=error[:2000], finished_at=timezone.now()
        )
        return
    DocumentBuild.objects.filter(pk=build.pk).update(
        status=BuildStatus.DONE, content=content, finished_at=timezone.now()
    )
    _delete_superseded(build)


def _reader_of(build: DocumentBuild) -> AnyUser:
    """Who the build reads as: the drafts of its series only, or the public."""
    if build.audience == Audience.SECRETARIAT:
        return series_drafts_reader(build.series_id)
    return public_reader()


def _delete_superseded(build: DocumentBuild) -> None:
    """Delete the builds of this document and format for earlier revisions:
    no request asks for them again, and a page polled during a meeting would
    otherwise keep a file for every change."""
    DocumentBuild.objects.filter(
        series_id=build.series_id,
        meeting_number=build.meeting_number,
        document=build.document,
        format=build.format,
        language=build.language,
        revision__lt=build.revision,
    ).delete()
