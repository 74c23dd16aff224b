from convener.access.models.accounts import INTERFACE_LANGUAGES, AccountSettings
from convener.access.models.invitations import Invitation
from convener.access.models.reminders import SpeakerReminder

__all__ = ["INTERFACE_LANGUAGES", "AccountSettings", "Invitation", "SpeakerReminder"]
