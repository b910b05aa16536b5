from django.contrib import admin

from vigil.accounts.models import Invitation, LanguagePreference
from vigil.audit.models import AuditEntry
from vigil.read_only_admin import ReadOnlyAdmin


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    """Read-only: the log is append-only, so the back office can look but never touch."""

    list_display = ["seq", "at", "actor_name", "action", "model_label", "object_pk", "object_repr"]
    list_filter = ["action", "model_label"]
    search_fields = ["object_repr", "actor_name", "object_pk"]
    readonly_fields = [f.name for f in AuditEntry._meta.fields]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "role", "case", "chapter", "created_at", "expires_at", "accepted_at"]
    readonly_fields = ["token_hash", "invited_by", "accepted_at", "accepted_by"]

    def has_add_permission(self, request):
        return False  # invitations are made on the People page, which sends the email


@admin.register(LanguagePreference)
class LanguagePreferenceAdmin(admin.ModelAdmin):
    """The interface language each person chose (set by themselves with the language switch)."""

    list_display = ("user", "language", "changed_at")
    list_filter = ("language",)
    search_fields = ("user__username",)
