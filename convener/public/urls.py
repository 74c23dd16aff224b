from django.urls import path, register_converter

from convener.public import documents, views


class ISO3Converter:
    """An ISO 3166-1 alpha-3 code as States are keyed: three capital letters."""

    regex = "[A-Z]{3}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(ISO3Converter, "iso3")

app_name = "public"
urlpatterns = [
    path("", views.home, name="home"),
    path("series/<slug:slug>/", views.series, name="series"),
    path("series/<slug:slug>/meetings/<int:number>/", views.meeting, name="meeting"),
    path(
        "series/<slug:slug>/documents/<slug:document>/",
        documents.document_page,
        name="series_document",
    ),
    path(
        "series/<slug:slug>/documents/<slug:document>.<slug:file_format>",
        documents.document_file,
        name="series_document_file",
    ),
    path(
        "series/<slug:slug>/meetings/<int:number>/documents/<slug:document>/",
        documents.document_page,
        name="meeting_document",
    ),
    path(
        "series/<slug:slug>/meetings/<int:number>/documents/<slug:document>.<slug:file_format>",
        documents.document_file,
        name="meeting_document_file",
    ),
    path("people/<slug:key>/", views.person, name="person"),
    path("organisations/<slug:key>/", views.organisation, name="organisation"),
    path("states/<iso3:iso3>/", views.state, name="state"),
]
