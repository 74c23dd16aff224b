from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TextsConfig(AppConfig):
    """Texts in languages other than their original: a title, a concept-note
    section, a summary, each version with its status."""

    name = "convener.texts"
    verbose_name = _("Texts in other languages")
