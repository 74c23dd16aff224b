from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RolesConfig(AppConfig):
    """The roles users hold in a series: the grants every permission reads."""

    name = "convener.roles"
    verbose_name = _("Roles")
