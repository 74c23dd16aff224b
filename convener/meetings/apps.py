from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "convener.meetings"
    verbose_name = _("Series and meetings")

    def ready(self) -> None:
        from convener.meetings.domain.revision import connect_change_tracking

        connect_change_tracking()
