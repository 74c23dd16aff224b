"""What each operation asks of its caller, for the views to declare."""

from __future__ import annotations

from convener.api.auth import BearerToken
from convener.api.rules import may_write_somewhere

# Reads: a token or a session shows drafts to the secretariat; without one,
# the public's view. Added to the schema so that it says the token is optional.
READER = BearerToken()
ANYONE = {"security": [{}]}

# Writes: a token (or session) of a user with a role; each operation then
# checks the permission its object needs.
EDITOR = BearerToken(
    permission=may_write_somewhere, denied="Only the people preparing a series may change it."
)


def file_answer(
    content_type: str, description: str, schema: dict[str, object] | None = None
) -> dict[str, object]:
    """A read anyone may make whose answer is a file in an open standard, not
    the API's JSON: its media type and, where it is JSON, its shape."""
    media_type = content_type.split(";")[0]
    content = {media_type: {"schema": schema or {"type": "string"}}}
    return {**ANYONE, "responses": {200: {"description": description, "content": content}}}
