"""Document builds: a build whose process died is restarted at once, and the
builds of earlier revisions are deleted once a newer one is done."""

import datetime
import socket
import subprocess
import sys

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils import timezone

from convener.meetings.domain.revision import current_revision
from convener.meetings.models import ContentRevision
from convener.publishing.domain import builds
from convener.publishing.domain.processes import this_process
from convener.publishing.models import Audience, BuildStatus, DocumentBuild

pytestmark = pytest.mark.django_db

PDF = reverse("public:meeting_document_file", args=["gmg-2016", 3, "programme", "pdf"])
PDF_DOWNLOAD = reverse("public:meeting_document_download", args=["gmg-2016", 3, "programme", "pdf"])


@pytest.fixture
def queued(monkeypatch):
    """The builds handed to the builder, which runs none of them."""
    submitted = []
    monkeypatch.setattr(builds, "submit", lambda task, *args: submitted.append(args))
    return submitted


@pytest.fixture
def builds_at_once(monkeypatch):
    monkeypatch.setattr(builds, "submit", lambda task, *args: task(*args))


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
        user=AnonymousUser(),
    )


def test_crashed_build_is_restarted_by_the_next_request_not_after_ten_minutes(
    client, demo_series, builds_at_once, django_capture_on_commit_callbacks
):
    crashed = left_behind(demo_series, builder=dead_process())

    with django_capture_on_commit_callbacks(execute=True):
        client.get(PDF)
    response = client.get(PDF)

    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    crashed.refresh_from_db()
    assert (crashed.status, crashed.attempts) == (BuildStatus.DONE, 2)


@pytest.mark.parametrize("status", [BuildStatus.QUEUED, BuildStatus.RUNNING])
def test_build_of_a_dead_process_is_queued_again_in_this_one(demo_series, queued, status):
    crashed = left_behind(demo_series, builder=dead_process(), status=status)

    with_restart = request(demo_series)

    assert with_restart.pk == crashed.pk
    crashed.refresh_from_db()
    assert (crashed.status, crashed.builder) == (BuildStatus.QUEUED, this_process())


def test_build_left_by_a_previous_boot_is_restarted_at_once(demo_series, queued):
    host, _boot, pid = this_process().split("/")
    left_behind(demo_series, builder=f"{host}/an-earlier-boot/{pid}")

    assert request(demo_series).status == BuildStatus.QUEUED
    assert DocumentBuild.objects.get().builder == this_process()


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
    demo_series, builds_at_once, django_capture_on_commit_callbacks
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
