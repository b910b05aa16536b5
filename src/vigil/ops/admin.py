from django.contrib import admin

from vigil.ops.models import PublicPageVersion, WorkerLease


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


@admin.register(WorkerLease)
class WorkerLeaseAdmin(admin.ModelAdmin):
    """The background workers alive now, by their last renewal; written by the workers alone."""

    list_display = ("worker_id", "pid", "renewed_at")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
