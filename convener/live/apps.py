from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LiveConfig(AppConfig):
    name = "convener.live"
    verbose_name = _("The meeting on the day: the floor, the timer and the record")

    def ready(self) -> None:
        # The figures of participation count the time the floor's timer recorded.
        from convener.live.queries.statistics import recorded_speaking_time
        from convener.participation.queries.speaking_time import register_speaking_time

        register_speaking_time(recorded_speaking_time)
