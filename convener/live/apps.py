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

        # A process that stops ends its screens' streams, which reconnect elsewhere.
        from convener.server.health import draining_started

        draining_started.connect(_end_every_stream, dispatch_uid="live-streams-end")


def _end_every_stream(**kwargs: object) -> None:
    from convener.live.bus import end_every_stream

    end_every_stream()
