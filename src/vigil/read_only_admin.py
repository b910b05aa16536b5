"""The back office's view of rows Vigil writes itself (the audit log, archived files, timestamps,
tallies, leases …): they are shown, never added or edited there."""

from django.contrib import admin


class ReadOnlyAdmin(admin.ModelAdmin):
    """Look, never add or edit; delete only where `may_delete` says so (and the person may)."""

    may_delete = False

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return self.may_delete and super().has_delete_permission(request, obj)
