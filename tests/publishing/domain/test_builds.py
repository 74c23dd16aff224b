"""Document builds: a queued build waits in the database queue, a build whose
worker died is restarted at once, and the builds of earlier revisions are
deleted once a newer one is done."""

import datetime
import socket
import subprocess
import sys

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from convener.audit.actors import command_line_operator
from convener.meetings.domain.revision import current_revision
from convener.meetings.models import ContentRevision, SeriesStatus
from convener.publishing.domain import builds
from convener.publishing.domain.processes import this_process
from convener.publishing.models import Audience, BuildStatus, DocumentBuild

pytestmark = pytest.mark.django_db

PDF = reverse("public:meeting_document_file", args=["gmg-2016", 3, "programme", "pdf"])
PDF_DOWNLOAD = reverse("public:meeting_document_download", args=["gmg-2016", 3, "programme", "pdf"])


@pytest.fixture
def queued(tasks_held):
    """The tasks handed to the worker, which runs none of them."""
    return tasks_held


def build_ids(tasks) -> list[int]:
    return [task.args[0] for task in tasks]


def dead_process() -> str:
    """The name of a process of this machine that has ended."""
    child = subprocess.Popen([sys.executable, "-c", ""])
    child.wait()
    return this_process().rsplit("/", 1)[0] + f"/{child.pid}"


def left_behind(series, *, builder, status=BuildStatus.RUNNING, attempts=1, file_format="pdf"):
    """A build in progress, as a process left it a moment ago."""
    return DocumentBuild.objects.create(
        series=series,
        meeting_number=3,
        document="programme",
        format=file_format,
        revision=current_revision(),
        audience=Audience.PUBLIC,
        status=status,
        builder=builder,
        attempts=attempts,
    )


def request(series, file_format="pdf"):
    return builds.request_build(
        series=series,
        document="programme",
        meeting_number=3,
        file_format=file_format,
        by=AnonymousUser(),
    )


def test_crashed_build_is_restarted_by_the_next_request_not_after_ten_minutes(
    client, demo_series, django_capture_on_commit_callbacks
):
    crashed = left_behind(demo_series, builder=dead_process())

    with django_capture_on_commit_callbacks(execute=True):
        client.get(PDF)
    response = client.get(PDF)

    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    crashed.refresh_from_db()
    assert (crashed.status, crashed.attempts) == (BuildStatus.DONE, 2)


def test_build_of_a_dead_worker_is_queued_again(
    demo_series, queued, django_capture_on_commit_callbacks
):
    crashed = left_behind(demo_series, builder=dead_process())

    with django_capture_on_commit_callbacks(execute=True):
        with_restart = request(demo_series)

    assert with_restart.pk == crashed.pk
    crashed.refresh_from_db()
    assert (crashed.status, crashed.builder, crashed.attempts) == (BuildStatus.QUEUED, "", 2)
    assert build_ids(queued) == [crashed.pk]


def test_queued_build_waits_in_the_queue_even_if_its_requester_died(demo_series, queued):
    waiting = left_behind(demo_series, builder=dead_process(), status=BuildStatus.QUEUED)

    assert request(demo_series).status == BuildStatus.QUEUED
    waiting.refresh_from_db()
    assert waiting.attempts == 1
    assert queued == []


def test_queued_build_whose_task_was_lost_is_queued_again_once_stale(
    demo_series, queued, django_capture_on_commit_callbacks
):
    lost = left_behind(demo_series, builder="", status=BuildStatus.QUEUED)
    DocumentBuild.objects.filter(pk=lost.pk).update(
        requested_at=timezone.now() - builds.STALE_AFTER - datetime.timedelta(seconds=1)
    )

    with django_capture_on_commit_callbacks(execute=True):
        request(demo_series)

    assert build_ids(queued) == [lost.pk]


def test_build_left_by_a_previous_boot_is_restarted_at_once(demo_series, queued):
    host, _boot, pid = this_process().split("/")
    left_behind(demo_series, builder=f"{host}/an-earlier-boot/{pid}")

    assert request(demo_series).status == BuildStatus.QUEUED
    assert DocumentBuild.objects.get().attempts == 2


def test_starting_worker_queues_again_the_builds_of_dead_workers_only(
    demo_series, queued, django_capture_on_commit_callbacks
):
    crashed = left_behind(demo_series, builder=dead_process())
    alive = left_behind(demo_series, builder=this_process(), file_format="docx")

    with django_capture_on_commit_callbacks(execute=True):
        restarted = builds.restart_abandoned_builds()

    assert restarted == 1
    assert build_ids(queued) == [crashed.pk]
    alive.refresh_from_db()
    assert alive.status == BuildStatus.RUNNING


def test_starting_worker_fails_a_build_that_killed_its_worker_every_time(demo_series, queued):
    crashed = left_behind(demo_series, builder=dead_process(), attempts=builds.MAX_ATTEMPTS)

    builds.restart_abandoned_builds()

    crashed.refresh_from_db()
    assert crashed.status == BuildStatus.FAILED
    assert crashed.error == "The build stopped 3 times without finishing."
    assert queued == []


def test_build_that_keeps_killing_its_process_fails_at_once(
    client, demo_series, queued, django_capture_on_commit_callbacks
):
    left_behind(demo_series, builder=dead_process(), attempts=builds.MAX_ATTEMPTS)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(PDF_DOWNLOAD)

    assert response.status_code == 500
    assert DocumentBuild.objects.get().status == BuildStatus.FAILED
    assert queued == []


def test_build_of_a_running_process_is_left_to_it(demo_series, queued):
    left_behind(demo_series, builder=this_process())

    assert request(demo_series).status == BuildStatus.RUNNING
    assert queued == []


def test_build_of_another_machine_is_restarted_only_once_stale(demo_series, queued):
    elsewhere = left_behind(demo_series, builder=f"not-{socket.gethostname()}/boot/1")

    assert request(demo_series).status == BuildStatus.RUNNING
    DocumentBuild.objects.filter(pk=elsewhere.pk).update(
        requested_at=timezone.now() - builds.STALE_AFTER - datetime.timedelta(seconds=1)
    )
    assert request(demo_series).status == BuildStatus.QUEUED


def test_new_revision_build_deletes_the_file_of_the_old_one(
    demo_series, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        old = request(demo_series, file_format="md")
    other_document = DocumentBuild.objects.create(
        series=demo_series,
        meeting_number=3,
        document="concept-note",
        format="md",
        revision=current_revision(),
        audience=Audience.PUBLIC,
        status=BuildStatus.DONE,
        content=b"kept",
    )
    ContentRevision.objects.update(number=current_revision() + 1)

    with django_capture_on_commit_callbacks(execute=True):
        new = request(demo_series, file_format="md")

    assert new.pk != old.pk
    assert DocumentBuild.objects.get(pk=new.pk).status == BuildStatus.DONE
    assert not DocumentBuild.objects.filter(pk=old.pk).exists()
    assert DocumentBuild.objects.filter(pk=other_document.pk).exists()


def test_old_revision_build_stays_until_the_new_one_is_done(demo_series, queued):
    old = left_behind(demo_series, builder=this_process(), status=BuildStatus.DONE)
    ContentRevision.objects.update(number=current_revision() + 1)

    assert request(demo_series).pk != old.pk
    assert DocumentBuild.objects.filter(pk=old.pk).exists()


def test_starting_worker_deletes_finished_builds_of_earlier_revisions_only(demo_series, queued):
    done = left_behind(demo_series, builder=this_process(), status=BuildStatus.DONE)
    failed = left_behind(
        demo_series, builder=this_process(), status=BuildStatus.FAILED, file_format="docx"
    )
    waiting = left_behind(demo_series, builder="", status=BuildStatus.QUEUED, file_format="md")
    ContentRevision.objects.update(number=current_revision() + 1)
    current = left_behind(demo_series, builder=this_process(), status=BuildStatus.DONE)

    deleted = builds.delete_outdated_builds(by=command_line_operator())

    assert deleted == 2
    remaining = set(DocumentBuild.objects.values_list("pk", flat=True))
    assert remaining == {waiting.pk, current.pk}
    assert not remaining & {done.pk, failed.pk}


def test_only_the_site_administrators_delete_outdated_builds(demo_series):
    with pytest.raises(PermissionDenied):
        builds.delete_outdated_builds(by=demo_series.grants.get(user__username="secretariat").user)


def test_the_public_may_not_ask_for_a_build_of_a_draft_series(demo_series, queued):
    demo_series.status = SeriesStatus.DRAFT
    demo_series.save()

    with pytest.raises(PermissionDenied):
        request(demo_series)

    assert not DocumentBuild.objects.exists()
    assert queued == []
