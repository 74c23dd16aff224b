"""The series' co-chair rule and its classification of States as developing or developed.

M49 no longer classifies States as developed or developing, so each series
keeps the classification its co-chair rule balances by, and may change it.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from convener.audit import log as audit
from convener.audit.actors import acts
from convener.audit.models import AuditAction
from convener.directory.models import State
from convener.meetings.domain.revision import record_change
from convener.meetings.models import (
    CoChairBalance,
    DevelopmentStatus,
    Series,
    StateClassification,
)

logger = logging.getLogger(__name__)

# What a State the series has not classified is given as its status here.
UNCLASSIFIED = ""


@acts("series.manage", on="series")
def set_classification(
    *,
    series: Series,
    co_chair_balance: str,
    rule: str,
    statuses: Mapping[str, str],
    by: AbstractBaseUser,
) -> Series:
    """Set the series' co-chair balance, the rule in its words, and how it classifies States.

    `statuses` maps ISO3 codes to "developed", "developing" or "" (unclassified);
    a State it leaves out keeps its classification. Raises ValidationError,
    keyed by field (`co_chair_balance`, `classification_rule`, `statuses`), and
    changes nothing if a value breaks a rule. The audit log gets one entry.
    """
    current = dict(series.classifications.values_list("state__iso3", "status"))
    states = {state.iso3: state for state in State.objects.filter(iso3__in=list(statuses))}
    _check(co_chair_balance, rule, statuses, states, current)
    changed = {iso3: status for iso3, status in statuses.items() if current.get(iso3, "") != status}
    fields = {"co_chair_balance": co_chair_balance, "classification_rule": rule}
    changes: dict[str, Any] = {
        name: [getattr(series, name), value]
        for name, value in fields.items()
        if getattr(series, name) != value
    }
    changes.update(
        {f"states.{iso3}": [current.get(iso3, ""), status] for iso3, status in changed.items()}
    )
    if not changes:
        return series
    target = _("Classification of States in %(series)s") % {"series": series}
    with audit.recorded_as_one(action=AuditAction.CHANGED, target=target, changes=changes) as scope:
        scope["series"] = series
        for name, value in fields.items():
            setattr(series, name, value)
        series.save(update_fields=[*fields, "updated_at"])
        _store(series, changed, states, current)
        record_change()
    transaction.on_commit(
        lambda: logger.info("%s changed the classification of series %s", by, series.pk)
    )
    return series


def _check(
    co_chair_balance: str,
    rule: str,
    statuses: Mapping[str, str],
    states: Mapping[str, State],
    current: Mapping[str, str],
) -> None:
    errors: dict[str, list[str]] = {}
    if co_chair_balance not in CoChairBalance.values:
        errors["co_chair_balance"] = [_("Choose one of the rules offered.")]
    if len(rule) > Series._meta.get_field("classification_rule").max_length:  # type: ignore[operator]
        errors["classification_rule"] = [_("Keep the rule to 300 characters.")]
    unknown = sorted(set(statuses) - set(states))
    invalid = sorted(
        iso3
        for iso3, status in statuses.items()
        if status not in (UNCLASSIFIED, *DevelopmentStatus.values)
    )
    if unknown or invalid:
        errors["statuses"] = [
            _("No such State: %(codes)s.") % {"codes": ", ".join(unknown)}
            if unknown
            else _("Classify %(codes)s as developed, developing or unclassified.")
            % {"codes": ", ".join(invalid)}
        ]
    after = {**current, **statuses}
    balanced = {DevelopmentStatus.DEVELOPED, DevelopmentStatus.DEVELOPING} <= set(after.values())
    if co_chair_balance == CoChairBalance.DEVELOPING_AND_DEVELOPED and not balanced:
        errors.setdefault("co_chair_balance", []).append(
            _(
                "This rule balances developing and developed countries: classify at least "
                "one State as each."
            )
        )
    if errors:
        raise ValidationError(errors)


def _store(
    series: Series,
    changed: Mapping[str, str],
    states: Mapping[str, State],
    current: Mapping[str, str],
) -> None:
    """Write the changed statuses in a few queries, whatever the number of States."""
    series.classifications.filter(
        state__iso3__in=[iso3 for iso3, status in changed.items() if status == UNCLASSIFIED]
    ).delete()
    for status in DevelopmentStatus.values:
        series.classifications.filter(
            state__iso3__in=[
                iso3 for iso3, given in changed.items() if given == status and iso3 in current
            ]
        ).update(status=status)
    StateClassification.objects.bulk_create(
        StateClassification(series=series, state=states[iso3], status=status)
        for iso3, status in changed.items()
        if status != UNCLASSIFIED and iso3 not in current
    )
