from django.urls import path

from convener.manage.views.scaffold import pending

urlpatterns = [
    path("series/<slug:slug>/review/", pending, name="series_review"),
    path("series/<slug:slug>/classification/", pending, name="classification"),
]
