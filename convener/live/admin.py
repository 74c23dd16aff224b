from django.contrib import admin

from convener.live.models import Floor, Inscription, SpeakingQuota, Turn


@admin.register(Floor)
class FloorAdmin(admin.ModelAdmin):
    list_display = ["meeting", "segment", "list_closed", "version"]
    list_filter = ["meeting__series"]
    readonly_fields = ["version"]


@admin.register(Inscription)
class InscriptionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "meeting", "capacity", "level", "status", "position"]
    list_filter = ["meeting__series", "meeting", "status", "purpose"]
    autocomplete_fields = ["state", "state_group", "organisation", "person", "addressed_to"]


@admin.register(Turn)
class TurnAdmin(admin.ModelAdmin):
    list_display = ["__str__", "meeting", "given_at", "ended_at", "elapsed", "limit"]
    list_filter = ["meeting__series", "meeting"]


@admin.register(SpeakingQuota)
class SpeakingQuotaAdmin(admin.ModelAdmin):
    list_display = ["meeting", "group", "seconds"]
    list_filter = ["meeting__series"]
