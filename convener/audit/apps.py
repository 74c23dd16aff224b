from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    """Who acts: the acting user of every change, and the log of what they changed."""

    name = "convener.audit"
    verbose_name = _("Audit log")

    def ready(self) -> None:
        from convener.audit.log import connect_audit

        connect_audit()
