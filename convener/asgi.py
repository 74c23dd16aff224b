import os

import django
from django.core.wsgi import get_wsgi_application

from convener.server.routing import SplitApplication, StreamHandler

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "convener.settings")
django.setup(set_prefix=False)
application = SplitApplication(asgi=StreamHandler(), wsgi=get_wsgi_application())
