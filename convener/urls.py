from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from convener.access.views import PasswordResetView
from convener.api.urls import api
from convener.public.languages import choose_language

# The language is part of the address (/fr/series/…, English without a
# prefix): a page can be linked, cached and shared in any of the six
# languages. An address without a prefix sends a reader who chose another
# language there (`convener.server.language_choice`).
urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    # The switcher's choice, kept in a cookie, then the page in that language.
    path("language/", choose_language, name="choose_language"),
    *i18n_patterns(
        path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
        path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
        path("accounts/password-reset/", PasswordResetView.as_view(), name="password_reset"),
        path(
            "accounts/password-reset/sent/",
            auth_views.PasswordResetDoneView.as_view(),
            name="password_reset_done",
        ),
        path(
            "accounts/reset/<uidb64>/<token>/",
            auth_views.PasswordResetConfirmView.as_view(),
            name="password_reset_confirm",
        ),
        path(
            "accounts/reset/done/",
            auth_views.PasswordResetCompleteView.as_view(),
            name="password_reset_complete",
        ),
        path("manage/", include("convener.manage.urls")),
        path("live/", include("convener.live.urls")),
        path("", include("convener.public.urls")),
        prefix_default_language=False,
    ),
]

# A request over the size limits of settings.py gets a page that says so.
handler400 = "convener.server.errors.bad_request"
handler403 = "convener.server.errors.permission_denied"
