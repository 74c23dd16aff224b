"""Which process a build belongs to, and whether that process still runs.

A process is named "host/boot id/process id". On the same machine and since
the same boot, a process id that no longer exists is a dead builder; a
different boot id means the machine restarted since. A builder on another
machine cannot be looked at from here: only its build's age tells.
"""

from __future__ import annotations

import os
import socket
from functools import cache
from pathlib import Path

BOOT_ID = Path("/proc/sys/kernel/random/boot_id")


@cache
def _boot_id() -> str:
    try:
        return BOOT_ID.read_text().strip()
    except OSError:  # not Linux: the process id alone must do
        return ""


def this_process() -> str:
    return f"{socket.gethostname()}/{_boot_id()}/{os.getpid()}"


def process_gone(name: str) -> bool:
    """True when the named process is known to have ended; False when it runs
    or cannot be seen from here."""
    parts = name.split("/")
    if len(parts) != 3:  # no builder recorded
        return False
    host, boot_id, pid = parts
    if host != socket.gethostname() or not pid.isdigit():
        return False
    if boot_id != _boot_id():
        return True
    if int(pid) == os.getpid():
        return False
    try:
        os.kill(int(pid), 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return True
    except PermissionError:  # exists, under another user
        return False
    return False
