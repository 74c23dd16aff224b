from django.db import models
from django.utils.translation import gettext_lazy as _


class MeetingStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    HELD = "held", _("Held")
    REPORTED = "reported", _("Reported")
    # A published meeting called off: the public still reads it, as cancelled.
    CANCELLED = "cancelled", _("Cancelled")

    @classmethod
    def public(cls) -> tuple[str, ...]:
        """The states in which the public may read a meeting."""
        return (cls.PUBLISHED, cls.HELD, cls.REPORTED, cls.CANCELLED)
