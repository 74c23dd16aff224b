from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccessConfig(AppConfig):
    name = "convener.access"
    verbose_name = _("Roles, invitations and audit log")

    def ready(self) -> None:
        from convener.access import rules  # noqa: F401  (registers the permissions)
        from convener.access.domain.audit import connect_audit

        connect_audit()
