from django.contrib import admin

from convener.publishing.models import DocumentBuild, ReportText


@admin.register(ReportText)
class ReportTextAdmin(admin.ModelAdmin):
    list_display = ["series", "kind", "updated_at"]
    list_filter = ["series", "kind"]


@admin.register(DocumentBuild)
class DocumentBuildAdmin(admin.ModelAdmin):
    """Builds are made by Convener; the secretariat may look at failures and remove builds."""

    list_display = ["document", "format", "series", "meeting_number", "audience", "status"]
    list_filter = ["status", "format", "series"]
    readonly_fields = [field.name for field in DocumentBuild._meta.fields if field.name != "id"]
    exclude = ["content"]

    def has_add_permission(self, request):
        return False
