"""Refusals (403) logged in one line instead of a traceback.

Django logs a refused request at WARNING on `django.request`, with the
traceback of the `PermissionDenied` that refused it. A refusal is the
permissions working, not a fault: who asked for what, and which permission
they lacked, fits on one line.
"""

from __future__ import annotations

import logging


class OneLineRefusals(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        # A second setup of Django's logging adds the filter again: a record
        # already made one line is left as it is.
        if getattr(record, "status_code", None) != 403 or getattr(record, "one_line", False):
            return True
        request = getattr(record, "request", None)
        if request is None:
            return True
        user = getattr(request, "user", None)
        user_id = user.pk if user is not None and user.is_authenticated else "anonymous"
        reason = ""
        if record.exc_info and record.exc_info[1] is not None:
            reason = str(record.exc_info[1])
        record.msg = "Refused %s %s for user %s: %s"
        record.args = (request.method, request.path, user_id, reason or "forbidden")
        record.exc_info = None
        record.exc_text = None
        record.one_line = True
        return True
