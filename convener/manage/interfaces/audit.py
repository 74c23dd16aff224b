"""The filters of a series' audit log."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from convener.access.queries.audit import audit_authors
from convener.audit.models import AuditAction
from convener.meetings.models import Series


class AuditFilterForm(forms.Form):
    meeting = forms.TypedChoiceField(
        label=_("Meeting"), required=False, coerce=int, empty_value=None
    )
    person = forms.ChoiceField(label=_("Person"), required=False)
    action = forms.ChoiceField(
        label=_("Action"),
        required=False,
        choices=[("", _("Any action")), *AuditAction.choices],
    )

    def __init__(self, data: Any, *, series: Series) -> None:
        super().__init__(data)
        self.meeting_ids = dict(series.meetings.values_list("number", "pk"))
        self.fields["meeting"].choices = [
            ("", _("Any meeting")),
            *(
                (meeting.number, f"{meeting.number}. {meeting.title}")
                for meeting in series.meetings.order_by("number")
            ),
        ]
        self.fields["person"].choices = [
            ("", _("Anyone")),
            *((name, name) for name in audit_authors(series)),
        ]

    def filters(self) -> dict[str, Any]:
        """The arguments of `series_audit_entries` the valid form asks for."""
        if not self.is_valid():
            return {}
        number = self.cleaned_data["meeting"]
        return {
            "meeting_id": self.meeting_ids[number] if number is not None else None,
            "user_name": self.cleaned_data["person"],
            "action": self.cleaned_data["action"],
        }
