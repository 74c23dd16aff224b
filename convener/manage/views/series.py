from django.urls import path

from convener.manage.views.scaffold import pending

urlpatterns = [
    path("series/new/", pending, name="series_create"),
    path("series/<slug:slug>/", pending, name="series"),
    path("series/<slug:slug>/edit/", pending, name="series_edit"),
    path("series/<slug:slug>/concept-note/", pending, name="concept_note"),
    path("preview/", pending, name="markdown_preview"),
]
