from django.contrib import admin

from convener.publishing.models import DocumentBuild, DocumentVersion, HouseStyle, ReportText


@admin.register(ReportText)
class ReportTextAdmin(admin.ModelAdmin):
    list_display = ["series", "kind", "updated_at"]
    list_filter = ["series", "kind"]


@admin.register(HouseStyle)
class HouseStyleAdmin(admin.ModelAdmin):
    """The typefaces, sizes and margins; the emblem is changed on the workspace's
    page, which checks the file."""

    list_display = ["series", "body_font", "body_size", "updated_at"]
    readonly_fields = ["emblem_type"]
    exclude = ["emblem"]


@admin.register(DocumentBuild)
class DocumentBuildAdmin(admin.ModelAdmin):
    """Builds are made by Convener; the secretariat may look at failures and remove builds."""

    list_display = ["document", "format", "series", "meeting_number", "audience", "status"]
    list_filter = ["status", "format", "series"]
    readonly_fields = [field.name for field in DocumentBuild._meta.fields if field.name != "id"]
    exclude = ["content"]

    def has_add_permission(self, request):
        return False


@admin.register(DocumentVersion)
class DocumentVersionAdmin(admin.ModelAdmin):
    """Versions are kept by publishing and never change: the admin only reads them."""

    list_display = ["document", "meeting_number", "number", "series", "published_at"]
    list_filter = ["series", "document"]
    readonly_fields = [field.name for field in DocumentVersion._meta.fields if field.name != "id"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
