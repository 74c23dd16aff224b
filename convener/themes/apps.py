from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ThemesConfig(AppConfig):
    """What a series' statements are about: keywords, themes and SDG targets."""

    name = "convener.themes"
    verbose_name = _("Themes")
