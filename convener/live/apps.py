from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LiveConfig(AppConfig):
    name = "convener.live"
    verbose_name = _("The meeting on the day: the floor, the timer and the record")
