from django.contrib import admin

from vigil.public_cache.models import PublicPageVersion


@admin.register(PublicPageVersion)
class PublicPageVersionAdmin(admin.ModelAdmin):
    """When each case's and event's public pages last changed; written by Vigil alone."""

    list_display = ("scope", "changed_at")
    search_fields = ("scope",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
