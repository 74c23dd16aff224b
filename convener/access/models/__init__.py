from convener.access.models.accounts import AccountSettings
from convener.access.models.invitations import Invitation
from convener.access.models.reminders import SpeakerReminder

__all__ = ["AccountSettings", "Invitation", "SpeakerReminder"]
