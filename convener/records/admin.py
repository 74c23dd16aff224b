from django.contrib import admin

from convener.meetings.admin import SegmentAdmin
from convener.meetings.models import Segment
from convener.records.models import Intervention


@admin.register(Intervention)
class InterventionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "kind", "capacity"]
    list_filter = ["segment__meeting__series", "segment__meeting", "capacity", "kind"]
    search_fields = ["summary", "speaker__family_name", "state__iso3", "organisation__acronym"]
    autocomplete_fields = ["speaker", "state", "state_group", "organisation"]


class InterventionInline(admin.StackedInline):
    model = Intervention
    autocomplete_fields = ["speaker", "state", "state_group", "organisation"]
    extra = 0


# A segment's page lists its interventions under its participants: the records
# sit above the meetings, so they extend the meetings' admin of a segment.
class SegmentWithRecordAdmin(SegmentAdmin):
    inlines = [*SegmentAdmin.inlines, InterventionInline]


admin.site.unregister(Segment)
admin.site.register(Segment, SegmentWithRecordAdmin)
