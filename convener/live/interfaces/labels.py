"""The words the live screens' scripts put on the page, in the page's language.

The state of the floor carries codes (`national`, `point_of_order`…); each
page embeds these labels once (`json_script`) and its script looks codes up
in them, so every screen speaks its reader's language whatever language the
state was built in. `%(name)s` marks where a script puts a value.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from convener.live.models import Level, Purpose, speaking_groups
from convener.records.models import Capacity


def screen_labels() -> dict[str, Any]:
    return {
        "capacity": {
            Capacity.NATIONAL: _("in national capacity"),
            Capacity.GROUP: _("on behalf of a group of States"),
            Capacity.OFFICE: _("as holder of an office"),
            Capacity.ORGANISATION: _("for an organisation"),
            Capacity.PERSONAL: _("in an individual capacity"),
        },
        "purpose": dict(Purpose.choices),
        "level": dict(Level.choices),
        "group": {key: str(name) for key, name in speaking_groups()},
        "text": {
            "on_behalf_of": _("on behalf of the %(group)s"),
            "question_to": _("Question to %(person)s"),
            "place": _("Place %(place)s of %(count)s"),
            "speaking_now": _("You have the floor"),
            "interrupted_yours": _(
                "A point of order interrupted you: you have the floor again when it is dealt with."
            ),
            "first_time": _("first time"),
            "raised_flag": _("raised flag"),
            "added_to_closed_list": _("The list is closed: added by the chair"),
            "level_to_confirm": _("%(level)s, to be confirmed"),
            "nobody": _("No one has the floor."),
            "interrupted": _(
                "Interrupted by the point of order, has the floor again when it is dealt with:"
            ),
            "empty_list": _("No one is waiting for the floor."),
            "paused": _("Paused"),
            "over_time": _("Over time"),
            "give_floor": _("Give the floor"),
            "move_up": _("Move up"),
            "move_down": _("Move down"),
            "skip": _("Skip"),
            "withdraw": _("Withdraw"),
            "live": _("Live"),
            "reconnecting": _("Connection lost: reconnecting…"),
            "list_closed": _("The list of speakers is closed."),
            "list_open": _("The list of speakers is open."),
            "no_segment": _("The meeting has not started."),
            "proposal_differs": _(
                "The list is not in the order UN practice proposes: points of order first; "
                "then group statements, delegations yet to speak on the item, Member States "
                "before observers, by level and time; rights of reply last."
            ),
            "saved_at": _("Saved at %(time)s"),
            "saving": _("Saving…"),
            "unsaved": _("Not saved yet: kept on this device until the connection is back."),
            "conflict": _(
                "Someone else saved this summary meanwhile. Their text is shown below: "
                "merge it into yours, then save again."
            ),
            "none_of_yours": _("You are not on the list."),
            "on_the_list": _("You are on the list of speakers."),
        },
    }
