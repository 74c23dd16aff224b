from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ThemesConfig(AppConfig):
    """What a series' statements are about: keywords, themes and SDG targets."""

    name = "convener.themes"
    verbose_name = _("Themes")

    def ready(self) -> None:
        # The search sits below the themes (they read its vectors): it learns
        # here how a statement belongs to a theme, and which themes to offer.
        from django.db.models import Q

        from convener.search.queries.choices import register_theme_choices
        from convener.search.queries.filters import register_condition
        from convener.themes.queries.themes import theme_choices

        register_condition("theme", lambda pk: Q(theme_placement__theme_id=pk))
        register_theme_choices(theme_choices)
