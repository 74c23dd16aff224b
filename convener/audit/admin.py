from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from convener.audit.models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["at", "user_name", "via", "series", "action", "target_type", "target"]
    list_filter = ["series", "action", "via"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
