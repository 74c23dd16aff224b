"""How a role reads, with what it is narrowed to: "Rapporteur of meeting 2: …"."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from convener.roles.models import Role


def role_in_words(holder: Any) -> str:
    """The role of a grant or an invitation (both carry the same narrowing fields)."""
    match holder.role:
        case Role.FOCAL_POINT:
            return _("Focal point for %(organisation)s") % {"organisation": holder.organisation}
        case Role.RAPPORTEUR | Role.CHAIR if holder.meeting is not None:
            # Translators: "Rapporteur of meeting 2: Migration and development".
            return _("%(role)s of meeting %(number)s: %(title)s") % {
                "role": holder.get_role_display(),
                "number": holder.meeting.number,
                "title": holder.meeting.title,
            }
        case Role.RAPPORTEUR | Role.CHAIR:
            return _("%(role)s of every meeting") % {"role": holder.get_role_display()}
        case Role.SPEAKER:
            return _("Speaker: %(person)s") % {"person": holder.person.formal_name}
        case Role.TRANSLATOR:
            return _("Translator into %(language)s") % {"language": holder.get_language_display()}
        case Role.DELEGATION:
            return _("Delegation of %(delegation)s") % {
                "delegation": holder.state or holder.organisation
            }
    return str(holder.get_role_display())
