from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from vigil.campaigns import privacy
from vigil.campaigns.models import (
    RSVP,
    Chapter,
    ChapterTranslation,
    Consent,
    Contact,
    Event,
    EventPhoto,
    EventTranslation,
    Interaction,
    Material,
    MaterialVersion,
    Member,
    ReplyCounter,
    Task,
)

IDENTITY_FIELDS = ("legal_name", "email", "phone")


@admin.register(Chapter)
class ChapterAdmin(admin.ModelAdmin):
    list_display = ["name", "city", "country_code", "communities"]
    filter_horizontal = ["coordinators", "cases"]


@admin.register(ChapterTranslation)
class ChapterTranslationAdmin(admin.ModelAdmin):
    list_display = ["chapter", "language", "updated_at"]
    list_filter = ["language"]
    search_fields = ["description", "chapter__name"]


@admin.register(Member)
class MemberAdmin(admin.ModelAdmin):
    """The pseudonym rule holds here too: identity columns, fields and search only for those
    who may see them (campaigns.privacy)."""

    list_filter = ["is_pseudonymous", "chapters"]
    filter_horizontal = ["chapters"]

    def get_list_display(self, request):
        def shown(member):
            return privacy.MemberView(member, privacy.can_see_identity(request.user, member))

        def legal_name(member):
            return shown(member).legal_name or "—"

        def email(member):
            return shown(member).email or "—"

        legal_name.short_description = _("legal name")
        email.short_description = _("email")
        return ["display_name", "is_pseudonymous", legal_name, email]

    def get_search_fields(self, request):
        if request.user.is_superuser:
            return ["display_name", "legal_name", "email"]
        return ["display_name"]

    def get_exclude(self, request, obj=None):
        if obj is not None and not privacy.can_see_identity(request.user, obj):
            return IDENTITY_FIELDS
        return ()


@admin.register(Consent)
class ConsentAdmin(admin.ModelAdmin):
    list_display = ["member", "purpose", "given_at", "withdrawn_at"]


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "chapter", "starts_at", "time_zone", "is_public", "status"]
    list_filter = ["kind", "status", "is_public", "chapter"]


@admin.register(EventTranslation)
class EventTranslationAdmin(admin.ModelAdmin):
    list_display = ["event", "language", "title", "updated_at"]
    list_filter = ["language"]
    search_fields = ["title", "description", "event__title"]


@admin.register(RSVP)
class RSVPAdmin(admin.ModelAdmin):
    list_display = ["event", "name", "status", "expires_at", "checked_in_at"]
    list_filter = ["status"]


@admin.register(ReplyCounter)
class ReplyCounterAdmin(admin.ModelAdmin):
    list_display = ["key", "window_start", "count"]


@admin.register(Contact)
class ContactAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "organisation", "actor", "chapter"]
    list_filter = ["kind", "chapter"]
    search_fields = ["name", "organisation"]


admin.site.register(EventPhoto)
admin.site.register(Interaction)
admin.site.register(Material)
admin.site.register(MaterialVersion)
admin.site.register(Task)
