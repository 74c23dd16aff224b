from django.contrib import admin
from django.db import models

from convener.meetings.models import (
    CoChair,
    ConceptNoteSection,
    CoOrganiser,
    Meeting,
    Participation,
    Postponement,
    ReferenceDocument,
    Segment,
    Series,
    StateClassification,
)


class SeriesSectionInline(admin.StackedInline):
    model = ConceptNoteSection
    fk_name = "series"
    extra = 0
    exclude = ["meeting"]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(meeting__isnull=True)


class ReferenceDocumentInline(admin.TabularInline):
    model = ReferenceDocument
    extra = 0


@admin.register(Series)
class SeriesAdmin(admin.ModelAdmin):
    list_display = ["title", "slug", "status", "prepared_event_date"]
    list_filter = ["status"]
    search_fields = ["title", "slug"]
    inlines = [SeriesSectionInline, ReferenceDocumentInline]


@admin.register(StateClassification)
class StateClassificationAdmin(admin.ModelAdmin):
    list_display = ["state", "series", "status"]
    list_filter = ["series", "status"]
    list_editable = ["status"]
    search_fields = ["state__iso3", "state__names"]


class CoOrganiserInline(admin.TabularInline):
    model = CoOrganiser
    autocomplete_fields = ["organisation"]
    extra = 0


class CoChairInline(admin.TabularInline):
    model = CoChair
    autocomplete_fields = ["state", "person"]
    extra = 0


class MeetingSectionInline(admin.StackedInline):
    model = ConceptNoteSection
    fk_name = "meeting"
    extra = 0


class PostponementInline(admin.TabularInline):
    model = Postponement
    fields = ["date", "start_time", "end_time", "reason", "postponed_at"]
    readonly_fields = ["postponed_at"]
    extra = 0


class SegmentInline(admin.TabularInline):
    model = Segment
    fields = ["order", "key", "kind", "title", "duration"]
    show_change_link = True
    extra = 0


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["number", "title", "series", "date", "room", "status"]
    list_filter = ["series", "status"]
    search_fields = ["title"]
    autocomplete_fields = ["moderator"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    inlines = [
        CoOrganiserInline,
        CoChairInline,
        MeetingSectionInline,
        SegmentInline,
        PostponementInline,
    ]

    def save_formset(self, request, form, formset, change):
        # Sections entered on a meeting belong to its series too.
        instances = formset.save(commit=False)
        for instance in instances:
            if isinstance(instance, ConceptNoteSection):
                instance.series = form.instance.series
            instance.save()
        for deleted in formset.deleted_objects:
            deleted.delete()
        formset.save_m2m()


class ParticipationInline(admin.TabularInline):
    model = Participation
    autocomplete_fields = ["person", "organisation"]
    extra = 0


@admin.register(Segment)
class SegmentAdmin(admin.ModelAdmin):
    list_display = ["__str__", "meeting", "kind", "order"]
    list_filter = ["meeting__series", "kind"]
    search_fields = ["title", "meeting__title"]
    # The records app adds the segment's interventions (`records.admin`).
    inlines = [ParticipationInline]
