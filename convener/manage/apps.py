from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ManageConfig(AppConfig):
    name = "convener.manage"
    verbose_name = _("Secretariat workspace")
