"""A user's choices for their own account."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from convener.access.models import INTERFACE_LANGUAGES, AccountSettings
from convener.access.queries.accounts import forget_account_settings
from convener.audit import log as audit
from convener.audit.actors import acts
from convener.audit.models import AuditAction


@acts("account.change_settings", on="user")
def choose_interface_language(*, user: Any, language: str, by: Any) -> AccountSettings:
    """Show `user` the interface in `language`, one of the site's languages, or
    "" for whichever their browser asks for."""
    if language and language not in INTERFACE_LANGUAGES:
        raise ValidationError({"language": _("Choose one of the languages offered.")})
    account, _created = AccountSettings.objects.select_for_update().get_or_create(user=user)
    before = account.language
    if before != language:
        account.language = language
        account.save(update_fields=["language"])
        audit.record(
            action=AuditAction.CHANGED,
            instance=account,
            changes={"language": [before, language]},
        )
    forget_account_settings(user)
    return account
