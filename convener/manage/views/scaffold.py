# Development scaffolding: routes another part of the workspace is still
# building point here so that links resolve. Deleted once every route is real.
from django.http import HttpResponse


def pending(request, **kwargs):  # type: ignore[no-untyped-def]
    return HttpResponse("Not built yet", status=501)
