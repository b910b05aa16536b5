from django.contrib import admin

from vigil.public_cache.models import PublicPageVersion
from vigil.read_only_admin import ReadOnlyAdmin


@admin.register(PublicPageVersion)
class PublicPageVersionAdmin(ReadOnlyAdmin):
    """When each case's and event's public pages last changed; written by Vigil alone."""

    list_display = ("scope", "changed_at")
    search_fields = ("scope",)
