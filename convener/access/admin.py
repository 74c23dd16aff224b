from django.contrib import admin

from convener.access.models import AuditEntry, Grant, Invitation


@admin.register(Grant)
class GrantAdmin(admin.ModelAdmin):
    list_display = ["user", "series", "role", "organisation", "meeting", "person", "state"]
    list_filter = ["series", "role"]
    raw_id_fields = ["user", "organisation", "meeting", "person", "state", "created_by"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "series", "role", "created_at", "accepted_at"]
    list_filter = ["series", "role"]
    exclude = ["secret_digest"]
    raw_id_fields = ["organisation", "meeting", "person", "state", "grant", "accepted_by"]


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["at", "user_name", "via", "series", "action", "target_type", "target"]
    list_filter = ["series", "action", "via"]

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False
