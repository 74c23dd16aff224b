from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    """Participation in figures: who took the floor, counted and drawn."""

    name = "convener.participation"
    verbose_name = _("Participation in figures")
