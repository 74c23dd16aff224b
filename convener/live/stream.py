# Development scaffolding: the live event stream replaces this module.
from django.http import HttpResponse


def meeting_events(request, **kwargs):  # type: ignore[no-untyped-def]
    return HttpResponse("Not built yet", status=501)
