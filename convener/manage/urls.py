"""The secretariat's workspace: every address under /manage/.

Each module of `views` lists its own `urlpatterns`; this one joins them.
"""

from convener.manage.views import (
    audit,
    directory,
    invitations,
    life,
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
    *life.urlpatterns,
    *programme.urlpatterns,
    *directory.urlpatterns,
    *records.urlpatterns,
    *versions.urlpatterns,
    *invitations.urlpatterns,
    *audit.urlpatterns,
    *review.urlpatterns,
]
