from django.contrib import admin

from convener.records.models import Intervention


@admin.register(Intervention)
class InterventionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "kind", "capacity"]
    list_filter = ["segment__meeting__series", "segment__meeting", "capacity", "kind"]
    search_fields = ["summary", "speaker__family_name", "state__iso3", "organisation__acronym"]
    autocomplete_fields = ["speaker", "state", "state_group", "organisation"]
