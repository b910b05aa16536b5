from django.contrib import admin

from vigil.law.models import (
    ConsideredCrime,
    Crime,
    Element,
    ElementLink,
    ElementTally,
    Instrument,
    Provision,
)
from vigil.read_only_admin import ReadOnlyAdmin


@admin.register(Instrument)
class InstrumentAdmin(admin.ModelAdmin):
    list_display = ["short_title", "title", "adopted_on", "reference"]


@admin.register(Provision)
class ProvisionAdmin(admin.ModelAdmin):
    list_display = ["code", "instrument", "article", "paraphrase"]
    list_filter = ["instrument"]


class ElementInline(admin.TabularInline):
    model = Element
    extra = 0


@admin.register(Crime)
class CrimeAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "category", "elements_reference"]
    list_filter = ["category"]
    inlines = [ElementInline]


@admin.register(Element)
class ElementAdmin(admin.ModelAdmin):
    list_display = ["__str__", "crime", "number", "kind"]
    list_filter = ["kind", "crime__category"]


@admin.register(ElementLink)
class ElementLinkAdmin(admin.ModelAdmin):
    list_display = ["claim", "element", "bearing", "strength", "case"]
    list_filter = ["case", "bearing", "strength"]
    raw_id_fields = ["claim", "element"]


@admin.register(ConsideredCrime)
class ConsideredCrimeAdmin(admin.ModelAdmin):
    list_display = ["case", "crime"]


@admin.register(ElementTally)
class ElementTallyAdmin(ReadOnlyAdmin):
    """Read only: the database keeps the tallies in step with the links (vigil/law/tallies.py)."""

    list_display = ["case", "element", "bearing", "review_status", "grade", "access_level", "links"]
    list_filter = ["case", "bearing", "review_status"]
