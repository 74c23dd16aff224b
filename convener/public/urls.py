from django.urls import path, register_converter

from convener.public import documents, feeds, search, versions, views


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
    path("search/", search.search, name="search"),
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
        "series/<slug:slug>/documents/<slug:document>/download/<slug:file_format>/",
        documents.document_download,
        name="series_document_download",
    ),
    path(
        "series/<slug:slug>/documents/<slug:document>/download/<slug:file_format>/status",
        documents.document_status,
        name="series_document_status",
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
    path(
        "series/<slug:slug>/meetings/<int:number>/documents/<slug:document>/download/<slug:file_format>/",
        documents.document_download,
        name="meeting_document_download",
    ),
    path(
        "series/<slug:slug>/meetings/<int:number>/documents/<slug:document>/download/<slug:file_format>/status",
        documents.document_status,
        name="meeting_document_status",
    ),
    path(
        "series/<slug:slug>/documents/<slug:document>/versions/",
        versions.document_versions,
        name="series_document_versions",
    ),
    path(
        "series/<slug:slug>/documents/<slug:document>/versions/<int:version>/",
        versions.document_version,
        name="series_document_version",
    ),
    path(
        "series/<slug:slug>/documents/<slug:document>/versions/differences/",
        versions.document_differences,
        name="series_document_differences",
    ),
    path(
        "series/<slug:slug>/meetings/<int:number>/documents/<slug:document>/versions/",
        versions.document_versions,
        name="meeting_document_versions",
    ),
    path(
        "series/<slug:slug>/meetings/<int:number>/documents/<slug:document>/versions/<int:version>/",
        versions.document_version,
        name="meeting_document_version",
    ),
    path(
        "series/<slug:slug>/meetings/<int:number>/documents/<slug:document>/versions/differences/",
        versions.document_differences,
        name="meeting_document_differences",
    ),
    path("series/<slug:slug>/calendar.ics", feeds.series_calendar, name="series_calendar"),
    path(
        "series/<slug:slug>/meetings/<int:number>/calendar.ics",
        feeds.meeting_calendar,
        name="meeting_calendar",
    ),
    path(
        "series/<slug:slug>/meetings/<int:number>/schedule.xml",
        feeds.meeting_schedule_xml,
        name="meeting_schedule_xml",
    ),
    path(
        "series/<slug:slug>/meetings/<int:number>/schedule.json",
        feeds.meeting_schedule_json,
        name="meeting_schedule_json",
    ),
    path(
        "series/<slug:slug>/meetings/<int:number>/record.akn.xml",
        feeds.meeting_record_akoma_ntoso,
        name="meeting_record_akoma_ntoso",
    ),
    path("series/<slug:slug>/popolo.json", feeds.series_popolo, name="series_popolo"),
    path("series/<slug:slug>/schedule.xml", feeds.series_schedule_xml, name="series_schedule_xml"),
    path(
        "series/<slug:slug>/schedule.json", feeds.series_schedule_json, name="series_schedule_json"
    ),
    path("people/<slug:key>/", views.person, name="person"),
    path("people/<slug:key>/calendar.ics", feeds.person_calendar, name="person_calendar"),
    path("organisations/<slug:key>/", views.organisation, name="organisation"),
    path("states/<iso3:iso3>/", views.state, name="state"),
]
