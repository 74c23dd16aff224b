from django.urls import path

from convener.manage.views.scaffold import pending

urlpatterns = [
    path("series/<slug:slug>/people/", pending, name="series_people"),
    path("series/<slug:slug>/people/invite/", pending, name="invite"),
    path("invitations/<str:token>/", pending, name="accept_invitation"),
    path("me/<slug:key>/", pending, name="my_details"),
]
