from django.contrib import admin

from convener.access.models import Invitation


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "series", "role", "created_at", "accepted_at"]
    list_filter = ["series", "role"]
    exclude = ["secret_digest"]
    raw_id_fields = ["organisation", "meeting", "person", "state", "grant", "accepted_by"]
