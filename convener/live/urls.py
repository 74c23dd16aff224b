"""The meeting on the day, under /live/: one screen per person in the room."""

from django.urls import path

from convener.live import stream
from convener.live.views import chair, delegation, rapporteur, statistics, watch

app_name = "live"
urlpatterns = [
    path(
        "series/<slug:slug>/meetings/<int:number>/events/",
        stream.meeting_events,
        name="events",
    ),
    *delegation.urlpatterns,
    *chair.urlpatterns,
    *watch.urlpatterns,
    *rapporteur.urlpatterns,
    *statistics.urlpatterns,
]
