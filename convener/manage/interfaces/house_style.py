"""The form of a series' house style: typefaces, sizes, margins, and the emblem as a file."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from convener.publishing.domain.house_style import STYLE_FIELDS, check_emblem_size, emblem_type
from convener.publishing.models import EMBLEM_MAX_BYTES, EmblemType, HouseStyle


class HouseStyleForm(forms.ModelForm):
    """The fields the model checks (bounds, steps, choices) and a file for the emblem,
    which the domain checks again when it stores it."""

    emblem = forms.FileField(
        label=_("Emblem"),
        required=False,
        help_text=_(
            "A PNG, JPEG or SVG image of up to 1 MB, printed on the cover of the series' "
            "documents. A file chosen here replaces the emblem stored."
        ),
        widget=forms.FileInput(attrs={"accept": ",".join(EmblemType.values)}),
    )
    remove_emblem = forms.BooleanField(label=_("Remove the emblem"), required=False)

    class Meta:
        model = HouseStyle
        fields = list(STYLE_FIELDS)
        widgets = {
            name: forms.NumberInput(attrs={"step": "0.5"})
            for name in ("body_size", "chapter_size", "section_size", "subsection_size")
        }

    def clean_emblem(self) -> bytes | None:
        upload = self.cleaned_data.get("emblem")
        if not upload:
            return None
        # The size first: of a file too large only the limit was kept (`server.uploads`).
        check_emblem_size(upload.size)
        data: bytes = upload.read(EMBLEM_MAX_BYTES + 1)
        emblem_type(data)
        return data

    def changes(self) -> dict[str, Any]:
        """The style's fields the user changed, for the domain function."""
        return {name: self.cleaned_data[name] for name in self.changed_data if name in STYLE_FIELDS}
