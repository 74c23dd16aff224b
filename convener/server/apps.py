from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ServerConfig(AppConfig):
    name = "convener.server"
    verbose_name = _("Server")

    def ready(self) -> None:
        from convener.server import checks  # noqa: F401 - registers the system checks
