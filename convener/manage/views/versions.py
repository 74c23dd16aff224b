from django.urls import path

from convener.manage.views.scaffold import pending

urlpatterns = [
    path("series/<slug:slug>/documents/", pending, name="documents"),
]
