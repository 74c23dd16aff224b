"""Reminding a speaker, by e-mail, to confirm their parts in a series' programme."""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from convener.access.models import SpeakerReminder
from convener.access.queries.confirmations import SpeakerContact, speaker_contact
from convener.audit import log as audit
from convener.audit.actors import acts
from convener.audit.models import AuditAction
from convener.directory.models import Person
from convener.meetings.models import Series
from convener.prose.formats import long_date


@acts("series.remind_speakers", on="series")
def remind_speaker(*, series: Series, person: Person, by: Any, site_url: str) -> SpeakerReminder:
    """Send `person` a reminder of the parts they have not confirmed in meetings
    still to come, and keep when it was sent. `site_url` is the site's address."""
    contact = speaker_contact(series, person)
    if contact is None or not contact.awaiting:
        raise ValidationError(
            _("%(person)s has no part left to confirm.") % {"person": person.formal_name}
        )
    if not contact.address:
        raise ValidationError(
            _(
                "No e-mail address is known for %(person)s: invite them as a speaker "
                "on the page of the series' people first."
            )
            % {"person": person.formal_name}
        )
    subject, body = _reminder_email(series, contact, site_url=site_url)
    reminder = SpeakerReminder.objects.create(
        series=series, person=person, email=contact.address, sent_by=by
    )
    audit.record(
        action=AuditAction.REMINDED,
        series=series,
        instance=reminder,
        target=person.formal_name,
        changes={"email": [None, contact.address]},
    )
    address = contact.address
    transaction.on_commit(lambda: send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [address]))
    return reminder


def _reminder_email(series: Series, contact: SpeakerContact, *, site_url: str) -> tuple[str, str]:
    parts = "\n".join(
        f"- {part.segment.meeting.title}"
        + (f", {long_date(part.segment.meeting.date)}" if part.segment.meeting.date else "")
        + f": {part.segment.heading} ({part.get_role_display()})"
        for part in contact.awaiting
    )
    facts = {
        "series": series.title,
        "parts": parts,
        "link": urljoin(site_url, reverse("manage:my_details", args=[contact.person.key])),
    }
    subject = _("Please confirm your part in %(series)s") % facts
    if contact.has_account:
        ask = _("To confirm, sign in and open:\n%(link)s\n") % facts
    else:
        ask = _(
            "To confirm, accept the invitation we sent you on %(date)s (its link creates "
            "your account), then open:\n%(link)s\n"
        ) % {
            **facts,
            "date": long_date(timezone.localtime(contact.invited_at, ZoneInfo(series.timezone)))
            if contact.invited_at
            else "",
        }
    body = (
        _(
            "Hello,\n\n"
            "The secretariat of %(series)s asks you to confirm your part in the programme:\n"
            "%(parts)s\n\n"
        )
        % facts
    ) + ask
    return subject, body
