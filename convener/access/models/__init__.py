from convener.access.models.invitations import Invitation
from convener.access.models.reminders import SpeakerReminder

__all__ = ["Invitation", "SpeakerReminder"]
