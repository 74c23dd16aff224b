"""Settings of the servers the live tests start: the production settings, except
that static files are found where they lie, without a `collectstatic` (minutes)."""

from convener.settings import *  # noqa: F403
from convener.settings import STORAGES

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
