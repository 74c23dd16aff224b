from convener.access.models.audit import AuditAction, AuditEntry
from convener.access.models.grants import Grant, Role
from convener.access.models.invitations import Invitation
from convener.access.models.reminders import SpeakerReminder

__all__ = ["AuditAction", "AuditEntry", "Grant", "Invitation", "Role", "SpeakerReminder"]
