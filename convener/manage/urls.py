"""The secretariat's workspace: every address under /manage/.

Each module of `views` lists its own `urlpatterns`; this one joins them.
"""

from convener.manage.views import (
    audit,
    convening,
    directory,
    invitations,
    meetings,
    programme,
    records,
    review,
    series,
    versions,
    workspace,
)

app_name = "manage"
urlpatterns = [
    *workspace.urlpatterns,
    *series.urlpatterns,
    *meetings.urlpatterns,
    *programme.urlpatterns,
    *directory.urlpatterns,
    *convening.urlpatterns,
    *records.urlpatterns,
    *versions.urlpatterns,
    *invitations.urlpatterns,
    *audit.urlpatterns,
    *review.urlpatterns,
]
