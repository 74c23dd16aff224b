"""The chair of the benchmark: real actions on the floor, through the floor's own domain functions.

Runs in the benchmark's process against the servers' database and Redis, so
each action is committed and published exactly as a chair's request would be.
Django's modules are imported inside the methods: Django is set up only once
the benchmark has made its data folder.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from contextlib import suppress


def set_up_django(env: dict[str, str]) -> None:
    os.environ.update(env)
    os.environ["DJANGO_SETTINGS_MODULE"] = "convener.settings"
    import django

    django.setup()


class Chair:
    """Gives the floor to each speaker of the programme in turn, and runs their timer."""

    def __init__(self, slug: str, number: int) -> None:
        from django.contrib.auth import get_user_model

        from convener.meetings.models import Meeting

        self.meeting = Meeting.objects.get(series__slug=slug, number=number)
        self.user = get_user_model().objects.get(username="chair")

    def open_meeting(self) -> None:
        """Say which segment is under way and put every speaker of the programme on the list.
        The demo's meeting is reported (its record final): it is reopened first."""
        from convener.audit.actors import command_line_operator
        from convener.live.domain.floor import start_segment
        from convener.meetings.domain.workflow import is_reported, reopen_meeting

        if is_reported(self.meeting):
            reopen_meeting(
                meeting=self.meeting, by=command_line_operator(), reason="live benchmark"
            )

        segment = self.meeting.segments.filter(participations__isnull=False).first()
        start_segment(meeting=self.meeting, segment=segment, by=self.user)
        self.inscribe_speakers()

    def inscribe_speakers(self) -> None:
        from django.core.exceptions import ValidationError

        from convener.live.domain.requests import add_programme_speaker
        from convener.meetings.models import Participation

        participations = Participation.objects.filter(segment__meeting=self.meeting).order_by(
            "segment__order", "order"
        )
        seen = set()
        for participation in participations:
            if participation.person_id in seen:  # one inscription a person
                continue
            seen.add(participation.person_id)
            with suppress(ValidationError):  # still speaking: on the list already
                add_programme_speaker(participation=participation, by=self.user)

    def list_is_empty(self) -> bool:
        from convener.live.queries.order import waiting_list

        return not waiting_list(self.meeting)

    def turn_actions(self) -> list[tuple[str, Callable[[], object]]]:
        """One speaker's turn: the floor given, the timer paused, resumed and extended."""
        from convener.live.domain.turns import extend_timer, give_floor, pause_timer, resume_timer

        meeting, by = self.meeting, self.user
        return [
            ("give the floor", lambda: give_floor(meeting=meeting, by=by)),
            ("pause the timer", lambda: pause_timer(meeting=meeting, by=by)),
            ("resume the timer", lambda: resume_timer(meeting=meeting, by=by)),
            ("extend the time", lambda: extend_timer(meeting=meeting, seconds=30, by=by)),
        ]

    def version(self) -> int:
        from convener.live.models import Floor

        return Floor.objects.get(meeting=self.meeting).version
