"""The form of the documents a series cites: a row per document, in order."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from convener.manage.interfaces.meetings import EMPTY_ROWS, _Rows
from convener.meetings.domain.references import SDG_TARGET, Reference
from convener.meetings.models import ReferenceDocument, Series
from convener.prose.symbols import is_symbol

_FIELDS = {field.name: field for field in ReferenceDocument._meta.get_fields()}


class SdgTargetsField(forms.CharField):
    """SDG targets typed as a list, "10.7, 17.18", cleaned into a list of targets."""

    def to_python(self, value: Any) -> list[str]:  # type: ignore[override]
        text = super().to_python(value)
        return [target for target in (part.strip() for part in text.split(",")) if target]

    def prepare_value(self, value: Any) -> Any:
        return ", ".join(value) if isinstance(value, list | tuple) else value

    def validate(self, value: Any) -> None:
        for target in value:
            if not SDG_TARGET.match(target):
                raise forms.ValidationError(
                    _("“%(target)s” is not an SDG target: write it as 10.7 or 17.a."),
                    params={"target": target},
                )


class ReferenceRow(forms.Form):
    """A document the series cites."""

    symbol = _FIELDS["symbol"].formfield(
        label=_("UN symbol"), required=False, help_text=_("Such as A/70/59 or A/RES/70/290.")
    )
    title = _FIELDS["title"].formfield(label=_("Title"), required=False)
    sdg_targets = SdgTargetsField(
        label=_("SDG targets"),
        required=False,
        max_length=200,
        help_text=_("Separated by commas, such as 10.7, 17.18."),
    )

    def clean_symbol(self) -> str:
        symbol = self.cleaned_data.get("symbol", "")
        if symbol and not is_symbol(symbol):
            raise forms.ValidationError(
                _("“%(symbol)s” is not a UN document symbol (such as A/70/59)."),
                params={"symbol": symbol},
            )
        return symbol

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not cleaned.get("symbol") and (cleaned.get("title") or cleaned.get("sdg_targets")):
            self.add_error("symbol", _("Give the document's UN symbol."))
        return cleaned


class _ReferenceRows(_Rows):
    key = "symbol"
    repeated = _("A document is listed twice.")

    def clean(self) -> None:
        if any(self.errors):
            return
        symbols = [row["symbol"] for row in self.filled()]
        if len(symbols) != len(set(symbols)):
            raise forms.ValidationError(self.repeated)


ReferenceFormSet = forms.formset_factory(ReferenceRow, formset=_ReferenceRows, extra=EMPTY_ROWS)


def reference_rows(series: Series, data: Any = None) -> forms.BaseFormSet:
    """The rows of the series' references as they are, then empty ones."""
    return ReferenceFormSet(
        data,
        prefix="references",
        initial=[
            {"symbol": d.symbol, "title": d.title, "sdg_targets": d.sdg_targets}
            for d in series.references.all()
        ],
    )


def references_of(rows: forms.BaseFormSet) -> list[Reference]:
    """The references of the valid rows, for `set_references`."""
    return [
        Reference(row["symbol"], row["title"], tuple(row["sdg_targets"])) for row in rows.filled()
    ]
