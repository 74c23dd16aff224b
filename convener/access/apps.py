from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccessConfig(AppConfig):
    name = "convener.access"
    verbose_name = _("Roles and invitations")

    def ready(self) -> None:
        from convener.access import rules  # registers the permissions
        from convener.access.domain.ownership import refusal_of_a_shared_entry
        from convener.audit.actors import add_refusal_reason

        add_refusal_reason(rules.refusal_of_a_reported_meeting)
        add_refusal_reason(refusal_of_a_shared_entry)
