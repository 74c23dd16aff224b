"""The forms of a meeting's life: postponing, cancelling, starting from a template."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from convener.manage.interfaces.typed import typed_date_field, typed_time_field
from convener.meetings.models import Meeting, Postponement, Series
from convener.meetings.queries.visibility import visible_series

REASON_HELP = _("Optional. The audit log keeps it.")


class PostponeForm(forms.Form):
    date = typed_date_field(_("New date"))
    start_time = typed_time_field(_("Start"))
    end_time = typed_time_field(_("End"))
    reason = Postponement._meta.get_field("reason").formfield(
        label=_("Reason"), required=False, help_text=REASON_HELP
    )

    def __init__(self, *args: Any, meeting: Meeting, **kwargs: Any) -> None:
        # The times stay as they were unless the user changes them.
        initial = {"start_time": meeting.start_time, "end_time": meeting.end_time}
        super().__init__(*args, initial=initial, **kwargs)


class CancelForm(forms.Form):
    reason = Postponement._meta.get_field("reason").formfield(
        label=_("Reason"), required=False, help_text=REASON_HELP
    )


class MeetingFromTemplateForm(forms.Form):
    """Where the new meeting goes (a series the user manages) and its title."""

    series = forms.ModelChoiceField(Series.objects.none(), label=_("Series"))
    title = Meeting._meta.get_field("title").formfield(
        label=_("Title"),
        required=False,
        help_text=_("Leave empty to keep the title of the template, and change it later."),
    )

    def __init__(self, *args: Any, user: Any, template: Meeting, **kwargs: Any) -> None:
        super().__init__(*args, initial={"series": template.series_id}, **kwargs)
        managed = [
            series.pk
            for series in visible_series(user).order_by("title")
            if user.has_perm("series.manage", series)
        ]
        self.fields["series"] = forms.ModelChoiceField(
            Series.objects.filter(pk__in=managed).order_by("title"), label=_("Series")
        )


class SeriesFromTemplateForm(forms.ModelForm):
    """The new series' address and title; the rest comes from the template."""

    class Meta:
        model = Series
        fields = ["slug", "title"]
        help_texts = {
            "slug": _(
                "The new series' address: lower-case letters, digits and hyphens, "
                "such as gmg-2017. It cannot change later."
            ),
        }
