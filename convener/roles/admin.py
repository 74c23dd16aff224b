from django.contrib import admin

from convener.roles.models import Grant


@admin.register(Grant)
class GrantAdmin(admin.ModelAdmin):
    list_display = ["user", "series", "role", "organisation", "meeting", "person", "state"]
    list_filter = ["series", "role"]
    raw_id_fields = ["user", "organisation", "meeting", "person", "state", "created_by"]
