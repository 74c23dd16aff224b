"""What each operation asks of its caller, for the views to declare."""

from __future__ import annotations

from convener.api.auth import BearerToken
from convener.api.rules import can_edit_records

# Reads: a token or a session shows drafts to the secretariat; without one,
# the public's view. Added to the schema so that it says the token is optional.
READER = BearerToken()
ANYONE = {"security": [{}]}

# Writes: a token (or session) of the secretariat.
SECRETARIAT = BearerToken(
    permission=can_edit_records, denied="Only the secretariat may change the records."
)
