from django.db import models


class ContentRevision(models.Model):
    """A number raised by every change to the published data.

    Caches of rendered pages are keyed by it, so a change made by any process
    (an import, the admin, a secretariat screen) retires every cached page in
    every worker at its next request.
    """

    number = models.PositiveBigIntegerField(default=0)

    outside_content_revision = True
    outside_audit = True

    def __str__(self) -> str:
        return f"revision {self.number}"
