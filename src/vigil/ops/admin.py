from django.contrib import admin

from vigil.ops.models import WorkerLease
from vigil.read_only_admin import ReadOnlyAdmin


@admin.register(WorkerLease)
class WorkerLeaseAdmin(ReadOnlyAdmin):
    """The background workers alive now, by their last renewal; written by the workers alone."""

    list_display = ("worker_id", "pid", "renewed_at")

    may_delete = True
