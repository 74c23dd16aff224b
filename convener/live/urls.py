from django.urls import path

from convener.live import stream

app_name = "live"
urlpatterns = [
    path(
        "series/<slug:slug>/meetings/<int:number>/events/",
        stream.meeting_events,
        name="events",
    ),
]
