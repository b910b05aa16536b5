from django.contrib import admin

from vigil.ops.models import WorkerLease


@admin.register(WorkerLease)
class WorkerLeaseAdmin(admin.ModelAdmin):
    """The background workers alive now, by their last renewal; written by the workers alone."""

    list_display = ("worker_id", "pid", "renewed_at")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
