"""The forms of a meeting: its facts, its co-organisers and its co-chairs.

Date, times, venue and room may stay empty: "to be confirmed". A meeting
that has no room, moderator, co-organisers or co-chairs by design says so
with a box ("not applicable"): documents then show nothing rather than
"TBC". Co-organisers and co-chairs are lists of rows, in order; an empty row
is ignored, and a few empty rows are always offered so that one can be added
without script.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from convener.access.interfaces.reach import keep_within_reach
from convener.directory.models import Organisation, Person, State
from convener.manage.interfaces.pickers import order_by_series, order_representatives
from convener.manage.interfaces.series import MARKDOWN_HELP
from convener.manage.interfaces.tracking import (
    STARTED_FROM,
    check_started_from,
    edits,
    show_conflict,
    start_tracking,
    started_from,
)
from convener.manage.interfaces.typed import (
    DATE_HELP,
    NO_SUCH_DATE,
    NO_SUCH_TIME,
    TIME_HELP,
    TypedDate,
    TypedTime,
)
from convener.manage.interfaces.validation import show_domain_errors
from convener.meetings.domain.meetings import (
    CREATION_FIELDS,
    set_co_chairs,
    set_co_organisers,
    update_meeting,
)
from convener.meetings.models import Meeting, Series
from convener.prose.editing import EditConflictError

EMPTY_ROWS = 2
# The "not applicable" boxes the page shows with the rows they concern.
ROW_FLAGS = ("has_no_co_organisers", "has_no_co_chairs")
# The facts whose form refuses to overwrite what someone else saved meanwhile.
TRACKED = tuple(CREATION_FIELDS)
TO_BE_CONFIRMED = _("Leave empty while it is to be confirmed.")


def _form_field(field: models.Field, **kwargs: Any) -> forms.Field | None:
    # An address typed without its scheme is taken as https.
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)


class MeetingForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = list(CREATION_FIELDS)
        formfield_callback = _form_field
        widgets = {
            "date": TypedDate(),
            "start_time": TypedTime(),
            "end_time": TypedTime(),
            "format_note": forms.Textarea(attrs={"rows": 4}),
        }
        labels = {
            "moderator": _("Moderator, chair or facilitator"),
            "has_no_room": _("The meeting has no room (not applicable)"),
            "has_no_moderator": _("The meeting has no moderator (not applicable)"),
            "has_no_co_organisers": _("The meeting has no co-organisers (not applicable)"),
            "has_no_co_chairs": _("The meeting has no co-chairs (not applicable)"),
        }
        help_texts = {
            "date": DATE_HELP,
            "start_time": TIME_HELP,
            "end_time": TIME_HELP,
            "venue": TO_BE_CONFIRMED,
            "room": TO_BE_CONFIRMED,
            "format_note": MARKDOWN_HELP,
            "moderator": _(
                "Who leads the whole meeting, when one person does throughout; "
                "who leads a single segment is given in the programme."
            ),
        }
        error_messages = {
            "date": {"invalid": NO_SUCH_DATE},
            "start_time": {"invalid": NO_SUCH_TIME},
            "end_time": {"invalid": NO_SUCH_TIME},
        }

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        moderator = self.fields["moderator"]
        moderator.queryset = moderator.queryset.select_related("organisation")  # type: ignore[attr-defined]
        keep_within_reach(self, user, people=["moderator"])
        # Left out of a form, it stays what it is (a moderator, by default).
        self.fields["moderator_role"].required = False
        if self.instance.pk is not None:
            # Editing: the form says what the user started from (`interfaces.tracking`).
            start_tracking(self, self.instance, TRACKED)

    def clean_moderator_role(self) -> str:
        return self.cleaned_data.get("moderator_role") or self.instance.moderator_role

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if STARTED_FROM in self.fields:
            check_started_from(self, TRACKED)
        return cleaned

    def changes(self) -> dict[str, Any]:
        """The facts the user changed from what the page showed them."""
        return edits(self, TRACKED)

    def started_from(self, changes: dict[str, Any]) -> dict[str, str]:
        """The digests of the changed facts as the page showed them, for `update_meeting`."""
        digests = started_from(self, TRACKED)
        return {field: digests[field] for field in changes}

    def meeting_fields(self) -> dict[str, Any]:
        """Every field, for `create_meeting`."""
        return {name: self.cleaned_data[name] for name in TRACKED}

    def fact_fields(self) -> list[forms.BoundField]:
        """The visible fields of the facts, without the boxes shown beside the rows."""
        return [field for field in self.visible_fields() if field.name not in ROW_FLAGS]


class CoOrganiserRow(forms.Form):
    organisation = forms.ModelChoiceField(
        Organisation.objects.order_by("name"), required=False, label=_("Organisation")
    )

    def __init__(self, *args: Any, user: Any, series: Series | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        keep_within_reach(self, user, organisations=["organisation"])
        order_by_series(self, series=series, organisations=("organisation",))


class CoChairRow(forms.Form):
    state = forms.ModelChoiceField(State.objects.all(), required=False, label=_("State"))
    person = forms.ModelChoiceField(
        Person.objects.select_related("organisation"),
        required=False,
        label=_("Representative"),
        help_text=_("Leave empty while it is to be confirmed."),
    )
    named_formally = forms.BooleanField(
        required=False,
        label=_("Formal name"),
        help_text=_(
            "Documents name the State by its formal name, as in “Kingdom of the Netherlands”."
        ),
    )

    def __init__(self, *args: Any, user: Any, series: Series | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        keep_within_reach(self, user, people=["person"])
        # The State's representatives first, then the series' own people.
        order_representatives(self, series=series)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("person") and not cleaned.get("state"):
            self.add_error("state", _("Choose the State this person represents."))
        return cleaned


class _Rows(forms.BaseFormSet):
    """Rows in order; empty rows are left out, a value given twice is refused."""

    key = ""
    repeated = _("This is listed twice.")

    def _construct_form(self, i: int, **kwargs: Any) -> forms.Form:
        # Each row's fields are named with the row's number, for screen readers.
        form = super()._construct_form(i, **kwargs)
        for field in form.fields.values():
            field.label = f"{field.label} {i + 1}"
        return form

    def filled(self) -> list[dict[str, Any]]:
        return [form.cleaned_data for form in self.forms if form.cleaned_data.get(self.key)]

    def clean(self) -> None:
        if any(self.errors):
            return
        values = [row[self.key].pk for row in self.filled()]
        if len(values) != len(set(values)):
            raise ValidationError(self.repeated)


class _CoOrganiserRows(_Rows):
    key = "organisation"
    repeated = _("An organisation is listed twice.")


class _CoChairRows(_Rows):
    key = "state"
    repeated = _("A State is listed twice.")


CoOrganiserFormSet = forms.formset_factory(
    CoOrganiserRow, formset=_CoOrganiserRows, extra=EMPTY_ROWS
)
CoChairFormSet = forms.formset_factory(CoChairRow, formset=_CoChairRows, extra=EMPTY_ROWS)


class MeetingPlan:
    """The meeting's edit page: facts, co-organisers and co-chairs, saved together or not at all."""

    def __init__(self, meeting: Meeting, data: Any = None, *, user: Any) -> None:
        self.meeting = meeting
        # Whether the last save was refused because someone else saved first.
        self.conflict = False
        self.facts = MeetingForm(data, instance=meeting, user=user)
        self.co_organisers = CoOrganiserFormSet(
            data,
            prefix="co_organisers",
            form_kwargs={"user": user, "series": meeting.series},
            initial=[
                {"organisation": link.organisation}
                for link in meeting.co_organiser_links.select_related("organisation")
            ],
        )
        self.co_chairs = CoChairFormSet(
            data,
            prefix="co_chairs",
            form_kwargs={"user": user, "series": meeting.series},
            initial=[
                {
                    "state": co_chair.state,
                    "person": co_chair.person,
                    "named_formally": co_chair.named_formally,
                }
                for co_chair in meeting.co_chairs.select_related("state", "person")
            ],
        )

    def is_valid(self) -> bool:
        # Every part is validated, so that the page shows all of its errors at once.
        valid = all(
            [self.facts.is_valid(), self.co_organisers.is_valid(), self.co_chairs.is_valid()]
        )
        return valid and self._rows_fit_their_flags()

    def _rows_fit_their_flags(self) -> bool:
        """Refuse rows named for a fact the same form marks as not applicable."""
        fits = True
        for flag, rows, message in (
            (
                "has_no_co_organisers",
                self.co_organisers,
                _("You marked the meeting as having no co-organisers: empty their rows too."),
            ),
            (
                "has_no_co_chairs",
                self.co_chairs,
                _("You marked the meeting as having no co-chairs: empty their rows too."),
            ),
        ):
            if self.facts.cleaned_data.get(flag) and rows.filled():
                self.facts.add_error(flag, message)
                fits = False
        return fits

    def save(self, *, by: AbstractBaseUser) -> bool:
        """Save all three parts in one transaction; on a refusal, show it and save nothing.

        Rows of a fact now marked not applicable are emptied before the mark is
        saved, and the rows of one no longer marked are saved after it.
        """
        changes = self.facts.changes()
        rows = [
            (
                self.facts.cleaned_data["has_no_co_organisers"],
                lambda: set_co_organisers(
                    meeting=self.meeting,
                    organisations=[row["organisation"] for row in self.co_organisers.filled()],
                    by=by,
                ),
            ),
            (
                self.facts.cleaned_data["has_no_co_chairs"],
                lambda: set_co_chairs(
                    meeting=self.meeting,
                    co_chairs=[
                        (row["state"], row["person"], row["named_formally"])
                        for row in self.co_chairs.filled()
                    ],
                    by=by,
                ),
            ),
        ]
        try:
            with transaction.atomic():
                for not_applicable, save_rows in rows:
                    if not_applicable:
                        save_rows()
                update_meeting(
                    meeting=self.meeting,
                    changes=changes,
                    by=by,
                    started_from=self.facts.started_from(changes),
                )
                for not_applicable, save_rows in rows:
                    if not not_applicable:
                        save_rows()
        except EditConflictError as conflict:
            show_conflict(self.facts, conflict)
            self.conflict = True
            return False
        except ValidationError as error:
            show_domain_errors(error, self.facts)
            return False
        return True
