from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """Finding statements across the records, by their words and by their meaning."""

    name = "convener.search"
    verbose_name = _("Search")
