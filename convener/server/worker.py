"""The background worker beside the web server: `convener serve` and `convener
demo` run `convener worker` as a child process, start it again if it dies,
and stop it when they stop.

A child process rather than a thread of the web server: a build that takes a
core for seconds, or that crashes its process, leaves the pages alone, and a
build left unfinished by a killed worker is found by the next one
(`publishing.domain.builds.restart_abandoned_builds`).
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

logger = logging.getLogger(__name__)

# Seconds a stopping worker may take to finish the file it is building.
STOP_SECONDS = 10
# Seconds between a worker's death and its replacement, so that a worker that
# cannot start does not take a core starting again and again.
RESTART_PAUSE = 1.0
# How much lower the worker's CPU priority is than the web server's. A build or
# the computing of statements' vectors takes every core for seconds (the
# model's engine runs a thread per core); at the same priority the pages
# waited for it, the longest requests taking over a second on 2 cores. Ten
# steps lower, the kernel gives the pages about nine tenths of a busy core,
# and the worker every idle one.
WORKER_NICENESS = 10


def worker_command(verbosity: int) -> list[str]:
    return [sys.executable, "-m", "convener.cli", "worker", f"--verbosity={verbosity}"]


@contextmanager
def worker_beside(*, verbosity: int = 1) -> Iterator[None]:
    """Run `convener worker` while the block runs, started again whenever it dies."""
    stopping = threading.Event()
    lock = threading.Lock()
    running: list[subprocess.Popen[bytes]] = []

    def supervise() -> None:
        while True:
            with lock:
                if stopping.is_set():
                    return
                process = subprocess.Popen(worker_command(verbosity))  # noqa: S603
                _lower_priority(process.pid)
                running[:] = [process]
            process.wait()
            if stopping.wait(RESTART_PAUSE):
                return
            logger.warning(
                "The background worker stopped (exit status %s); starting it again.",
                process.returncode,
            )

    supervisor = threading.Thread(target=supervise, name="convener-worker", daemon=True)
    supervisor.start()
    try:
        yield
    finally:
        with lock:
            stopping.set()
            processes = list(running)
        for process in processes:
            _stop(process)
        supervisor.join(timeout=STOP_SECONDS)


def _lower_priority(pid: int) -> None:
    """Set before the worker has loaded anything: the threads it starts keep it."""
    try:
        os.setpriority(os.PRIO_PROCESS, pid, os.getpriority(os.PRIO_PROCESS, 0) + WORKER_NICENESS)
    except (AttributeError, OSError):  # no priorities on this system, or the process ended
        logger.warning("The background worker runs at the web server's priority.")


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=STOP_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()  # its build is queued again by the next worker
        process.wait()
