"""The documents a series cites by UN symbol, and the SDG targets each serves."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from convener.audit.actors import acts
from convener.meetings.domain.fields import field_errors
from convener.meetings.models import ReferenceDocument, Series
from convener.prose.symbols import is_symbol

logger = logging.getLogger(__name__)

# An SDG target as the format writes it: goal 1 to 17, then a number or a letter ("10.7", "17.a").
SDG_TARGET = re.compile(r"^(?:[1-9]|1[0-7])\.(?:[1-9][0-9]?|[a-d])$")


@dataclass(frozen=True)
class Reference:
    symbol: str
    title: str = ""
    sdg_targets: tuple[str, ...] = ()


@acts("series.manage", on="series")
def set_references(
    *, series: Series, references: Sequence[Reference], by: AbstractBaseUser
) -> None:
    """Make `references`, in this order, the documents the series cites.

    A document that stays keeps its row, so its history in the audit log goes
    on. Raises ValidationError and changes nothing if a symbol is not a UN
    symbol, is listed twice, or a target is not an SDG target.
    """
    _check(references)
    Series.objects.select_for_update().filter(pk=series.pk).first()
    kept = {document.symbol: document for document in series.references.all()}
    wanted = {reference.symbol for reference in references}
    for symbol, document in kept.items():
        if symbol not in wanted:
            document.delete()
    for order, reference in enumerate(references):
        document = kept.get(reference.symbol) or ReferenceDocument(
            series=series, symbol=reference.symbol
        )
        values = {
            "title": reference.title,
            "sdg_targets": list(reference.sdg_targets),
            "order": order,
        }
        if document.pk is None or any(getattr(document, k) != v for k, v in values.items()):
            for name, value in values.items():
                setattr(document, name, value)
            errors = field_errors(document, changed={"symbol", "title"})
            if errors:
                raise ValidationError(errors)
            document.save()
    transaction.on_commit(lambda: logger.info("%s set the references of %s", by, series.slug))


def _check(references: Sequence[Reference]) -> None:
    symbols = [reference.symbol for reference in references]
    if len(set(symbols)) != len(symbols):
        raise ValidationError({"symbol": _("A document is listed twice: remove the repeat.")})
    for reference in references:
        if not is_symbol(reference.symbol):
            raise ValidationError(
                {
                    "symbol": _("“%(symbol)s” is not a UN document symbol (such as A/70/59).")
                    % {"symbol": reference.symbol}
                }
            )
        for target in reference.sdg_targets:
            if not SDG_TARGET.match(target):
                raise ValidationError(
                    {
                        "sdg_targets": _(
                            "“%(target)s” is not an SDG target: write the goal and the "
                            "target, such as 10.7 or 17.a."
                        )
                        % {"target": target}
                    }
                )
