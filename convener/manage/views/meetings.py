from django.urls import path

from convener.manage.views.scaffold import pending

urlpatterns = [
    path("series/<slug:slug>/meetings/new/", pending, name="meeting_create"),
    path("series/<slug:slug>/meetings/<int:number>/", pending, name="meeting"),
    path("series/<slug:slug>/meetings/<int:number>/edit/", pending, name="meeting_edit"),
    path("series/<slug:slug>/meetings/<int:number>/status/", pending, name="meeting_status"),
]
