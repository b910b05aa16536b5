"""What `vigil load-demo` reports: how many of each kind of record it added and found there."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# What the loader counts, as the report names it.
KIND_LABELS = {
    "cases": gettext_lazy("cases"),
    "case translations": gettext_lazy("case translations"),
    "sources": gettext_lazy("sources"),
    "figure claims": gettext_lazy("figure claims"),
    "event claims": gettext_lazy("event claims"),
    "document claims": gettext_lazy("document claims"),
    "element links": gettext_lazy("element links"),
    "crimes considered": gettext_lazy("crimes considered"),
    "recognition acts": gettext_lazy("recognition acts"),
    "sample chapters": gettext_lazy("sample chapters"),
    "sample members": gettext_lazy("sample members"),
    "sample events": gettext_lazy("sample events"),
}


@dataclass
class LoadReport:
    created: dict[str, int] = field(default_factory=dict)
    existing: dict[str, int] = field(default_factory=dict)

    def count(self, kind: str, created: bool) -> None:
        bucket = self.created if created else self.existing
        bucket[kind] = bucket.get(kind, 0) + 1

    def lines(self) -> list[str]:
        kinds = sorted(self.created.keys() | self.existing.keys())
        return [
            _("%(kind)s: %(added)s added, %(existing)s already there")
            % {
                "kind": KIND_LABELS.get(kind, kind),
                "added": self.created.get(kind, 0),
                "existing": self.existing.get(kind, 0),
            }
            for kind in kinds
        ]
