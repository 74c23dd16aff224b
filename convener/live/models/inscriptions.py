from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from convener.directory.limits import LineField
from convener.records.models import Capacity

if TYPE_CHECKING:
    from convener.directory.models import Organisation, Person, State, StateGroup


class Level(models.TextChoices):
    """The level of representation of whoever speaks for a State, highest first,
    as protocol ranks the list of speakers (UN-PRACTICE.md; docs/live.md).
    An organisation's speaker is always "other": it cannot claim a State's level."""

    HEAD_OF_STATE = "head_of_state", _("Head of State")
    VICE_PRESIDENT = "vice_president", _("Vice-President or Crown Prince")
    HEAD_OF_GOVERNMENT = "head_of_government", _("Head of Government")
    DEPUTY_PRIME_MINISTER = "deputy_prime_minister", _("Deputy Prime Minister")
    MINISTER = "minister", _("Minister")
    VICE_MINISTER = "vice_minister", _("Vice-Minister")
    CHAIR_OF_DELEGATION = (
        "chair_of_delegation",
        _("Chair of delegation (Permanent Representative)"),
    )
    OTHER = "other", _("Other")

    @classmethod
    def precedence(cls, level: str) -> int:
        """0 for the highest level; an unknown or missing level comes last."""
        values = list(cls.values)
        return values.index(level) if level in values else len(values)


class Purpose(models.TextChoices):
    """What a turn on the floor is for."""

    STATEMENT = "statement", _("Statement")
    QUESTION = "question", _("Question to a panellist")
    POINT_OF_ORDER = "point_of_order", _("Point of order")
    RIGHT_OF_REPLY = "right_of_reply", _("Right of reply")
    # The programme's own speakers, whom the chair calls.
    PRESENTATION = "presentation", _("Presentation")
    ANSWER = "answer", _("Answer")
    REMARKS = "remarks", _("Remarks")

    @classmethod
    def from_the_floor(cls) -> tuple[str, ...]:
        """What a delegation may ask the floor for."""
        return (cls.STATEMENT, cls.QUESTION, cls.POINT_OF_ORDER, cls.RIGHT_OF_REPLY)

    @classmethod
    def after_closing(cls) -> tuple[str, ...]:
        """What a delegation may still ask for once the list is closed: a point
        of order interrupts at any time, a right of reply comes at the end."""
        return (cls.POINT_OF_ORDER, cls.RIGHT_OF_REPLY)


class Standing(models.IntegerChoices):
    """Who speaks before whom within the same purpose, in the General Assembly's
    order: Member States, observer States, other observers (intergovernmental
    organisations, UN system entities), then civil society."""

    MEMBER_STATE = 0, _("Member State")
    OBSERVER_STATE = 1, _("Observer State")
    OBSERVER = 2, _("Intergovernmental organisation or UN entity")
    CIVIL_SOCIETY = 3, _("Civil society")


# The kinds of organisation that are observers rather than civil society.
OBSERVER_KINDS = frozenset({"un_entity", "international_organisation"})
# The kinds of organisation that speak for their State.
STATE_KINDS = frozenset({"permanent_mission", "government"})


class PrecedenceRule(models.TextChoices):
    """How a meeting orders its statements (docs/live.md)."""

    GENERAL_ASSEMBLY = (
        "general_assembly",
        _(
            "General Assembly: groups, first-time speakers, Member States, observers, civil "
            "society, then by level and time"
        ),
    )
    MULTI_STAKEHOLDER = (
        "multi_stakeholder",
        _(
            "Multi-stakeholder: groups, first-time speakers, then by level and time, "
            "stakeholders mixed"
        ),
    )
    INSCRIPTION = "inscription", _("First-time speakers, then in the order of inscription")


class InscriptionStatus(models.TextChoices):
    WAITING = "waiting", _("Waiting")
    SPEAKING = "speaking", _("Has the floor")
    # A point of order interrupted the turn; the speaker resumes once it is ruled on.
    INTERRUPTED = "interrupted", _("Interrupted by a point of order")
    SPOKE = "spoke", _("Spoke")
    SKIPPED = "skipped", _("Skipped")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Inscription(models.Model):
    """A place on a meeting's list of speakers: who asked, for whom, in what
    capacity and for what.

    A delegation speaks for its `state` (or, on behalf of a group, for the
    `state_group`, with `state` the State that speaks) or for its
    `organisation`; a speaker of the programme is a `person`. `position` is
    the place in the chair's order while the inscription waits.
    """

    meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.CASCADE, related_name="inscriptions"
    )
    segment = models.ForeignKey(
        "meetings.Segment",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_(
            "The segment during which the floor was requested; empty for an inscription "
            "before the meeting."
        ),
    )
    state = models.ForeignKey(
        "directory.State", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    state_group = models.ForeignKey(
        "directory.StateGroup", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    person = models.ForeignKey(
        "directory.Person", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    speaker_name = LineField(
        _("name of the speaker"),
        max_length=200,
        blank=True,
        help_text=_("Who will speak for the delegation, as the chair should announce them."),
    )
    speaker_title = LineField(
        _("title of the speaker"),
        max_length=200,
        blank=True,
        help_text=_("The speaker's office, e.g. “Minister for Foreign Affairs”."),
    )
    capacity = models.CharField(_("capacity"), max_length=20, choices=Capacity.choices)
    # The level that counts for precedence: "other" until the secretariat
    # confirms or corrects the level the delegation proposed.
    level = models.CharField(
        _("level of representation"), max_length=30, choices=Level.choices, blank=True
    )
    proposed_level = models.CharField(
        _("proposed level of representation"),
        max_length=30,
        choices=Level.choices,
        blank=True,
        help_text=_("The level the delegation gave; it counts once the secretariat confirms it."),
    )
    level_confirmed_at = models.DateTimeField(_("level confirmed at"), null=True, blank=True)
    level_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("level confirmed by"),
    )
    purpose = models.CharField(_("purpose"), max_length=20, choices=Purpose.choices)
    addressed_to = models.ForeignKey(
        "directory.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("question to"),
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=InscriptionStatus.choices,
        default=InscriptionStatus.WAITING,
    )
    position = models.PositiveIntegerField(_("place in the list"), null=True, blank=True)
    placed_by_chair = models.BooleanField(
        _("placed by the chair"),
        default=False,
        help_text=_("The chair moved it by hand: new inscriptions never go ahead of it."),
    )
    raised_flag = models.BooleanField(
        _("added for a raised flag"),
        default=False,
        help_text=_("The secretariat added the delegation, which asked by raising its flag."),
    )
    added_to_closed_list = models.BooleanField(
        _("added to the closed list"),
        default=False,
        help_text=_("The chair added it after the list of speakers was closed."),
    )
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["meeting_id", "position", "requested_at", "pk"]
        verbose_name = _("inscription on the list of speakers")
        verbose_name_plural = _("inscriptions on the list of speakers")
        constraints = [
            models.CheckConstraint(
                condition=Q(state__isnull=False)
                | Q(state_group__isnull=False)
                | Q(organisation__isnull=False)
                | Q(person__isnull=False),
                name="inscription_names_who_speaks",
            ),
            # Two places in the chair's order are never the same place…
            models.UniqueConstraint(
                fields=["meeting", "position"],
                condition=Q(status="waiting"),
                name="one_inscription_per_place",
            ),
            # …and only one speaker has the floor at a time.
            models.UniqueConstraint(
                fields=["meeting"],
                condition=Q(status="speaking"),
                name="one_speaker_at_a_time",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.who} ({self.get_purpose_display()})"

    @property
    def delegation(self) -> State | StateGroup | Organisation | Person | None:
        """Whom the turn speaks for: a group of States, a State, an organisation or a person."""
        return self.state_group or self.state or self.organisation or self.person

    @property
    def who(self) -> str:
        if self.state_group and self.state:
            return f"{self.state} ({self.state_group})"
        return str(self.delegation)

    @property
    def speaks_for_a_group(self) -> bool:
        return self.state_group_id is not None

    @property
    def level_to_confirm(self) -> bool:
        """A State's delegation proposed a level the secretariat has yet to
        confirm: until then it counts as "other". An organisation's speaker is
        always "other" and a speaker of the programme has no level: nothing to confirm."""
        return (
            self.person_id is None
            and self.capacity in (Capacity.NATIONAL, Capacity.GROUP)
            and self.level_confirmed_at is None
        )

    @property
    def standing(self) -> Standing:
        """Member State, observer State, observer or civil society (`Standing`)."""
        organisation = self.organisation
        if organisation is not None and organisation.kind not in STATE_KINDS:
            if organisation.kind in OBSERVER_KINDS:
                return Standing.OBSERVER
            return Standing.CIVIL_SOCIETY
        # A State, or the mission or government of one, stands as that State.
        state = self.state or (organisation.state if organisation is not None else None)
        if state is not None and state.status != "member":
            return Standing.OBSERVER_STATE
        return Standing.MEMBER_STATE

    @property
    def delegation_key(self) -> str:
        """Identifies whom the turn speaks for, so a second turn of the same delegation is known."""
        if self.state_group_id:
            return f"group:{self.state_group_id}"
        if self.state_id:
            return f"state:{self.state_id}"
        if self.organisation_id:
            return f"organisation:{self.organisation_id}"
        return f"person:{self.person_id}"
