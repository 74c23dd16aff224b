from django.apps import AppConfig


class ProseConfig(AppConfig):
    name = "convener.prose"
    verbose_name = "Prose"
