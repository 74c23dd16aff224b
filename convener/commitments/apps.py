from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommitmentsConfig(AppConfig):
    """What the floor recommended and what its speakers committed to, and whether it was done."""

    name = "convener.commitments"
    verbose_name = _("Commitments and recommendations")
