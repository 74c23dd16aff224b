"""The secretariat's workspace: every address under /manage/.

Each module of `views` lists its own `urlpatterns`; this one joins them.
"""

from convener.manage.views import (
    account,
    audit,
    confirmations,
    convening,
    directory,
    house_style,
    invitations,
    life,
    meetings,
    programme,
    record_turns,
    records,
    references,
    review,
    search,
    series,
    translations,
    versions,
    workspace,
)

app_name = "manage"
urlpatterns = [
    *workspace.urlpatterns,
    *account.urlpatterns,
    *series.urlpatterns,
    *house_style.urlpatterns,
    *meetings.urlpatterns,
    *life.urlpatterns,
    *programme.urlpatterns,
    *directory.urlpatterns,
    *convening.urlpatterns,
    *records.urlpatterns,
    *references.urlpatterns,
    *record_turns.urlpatterns,
    *versions.urlpatterns,
    *translations.urlpatterns,
    *invitations.urlpatterns,
    *audit.urlpatterns,
    *review.urlpatterns,
    *confirmations.urlpatterns,
    *search.urlpatterns,
]
