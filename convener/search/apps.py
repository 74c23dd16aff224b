from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """Finding statements across the records, by their words and by their meaning."""

    name = "convener.search"
    verbose_name = _("Search")

    def ready(self) -> None:
        from convener.search import checks  # noqa: F401 (registers the start-up check)
        from convener.search.domain.index import connect_index_keeping

        connect_index_keeping()
