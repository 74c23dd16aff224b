"""The prose of the series report the rapporteur writes: acknowledgements, introduction."""

from __future__ import annotations

import logging

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from convener.audit.actors import acts
from convener.meetings.models import Series
from convener.prose.editing import ensure_unchanged
from convener.publishing.models import ReportText, ReportTextKind

logger = logging.getLogger(__name__)


@acts("series.edit_report", on="series")
def save_report_text(
    *,
    series: Series,
    kind: str,
    body: str,
    by: AbstractBaseUser,
    started_from: str | None = None,
) -> ReportText | None:
    """Store the text of one part of the report, replacing the generated one.

    An empty text removes the stored one, so the report writes that part from
    the records again; returns None then. `started_from` is the digest of the
    stored text the editor started from (of "" when none was stored):
    `EditConflictError` if someone saved another text since.
    """
    if kind not in ReportTextKind.values:
        raise ValidationError(
            {"kind": _("The report has no part called “%(kind)s”.") % {"kind": kind}}
        )
    try:
        ReportText._meta.get_field("body").run_validators(body)
    except ValidationError as error:
        raise ValidationError({"body": error.error_list}) from None
    # Locking the series serialises the first save of a part, when there
    # is no row of the text yet to lock.
    Series.objects.select_for_update().filter(pk=series.pk).values_list("pk").get()
    stored = ReportText.objects.filter(series=series, kind=kind).first()
    ensure_unchanged(field="body", stored=stored.body if stored else "", started_from=started_from)
    text = _store(series=series, kind=kind, body=body, stored=stored)
    transaction.on_commit(
        lambda: logger.info("%s changed the %s of the report of %s", by, kind, series.pk)
    )
    return text


def _store(*, series: Series, kind: str, body: str, stored: ReportText | None) -> ReportText | None:
    if not body.strip():
        if stored is not None:
            stored.delete()
        return None
    if stored is None:
        return ReportText.objects.create(series=series, kind=kind, body=body)
    stored.body = body
    stored.save(update_fields=["body", "updated_at"])
    return stored
