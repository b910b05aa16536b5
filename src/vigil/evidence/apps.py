from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvidenceConfig(AppConfig):
    name = "vigil.evidence"
    verbose_name = _("Evidence")

    def ready(self):
        from vigil.evidence import search

        search.connect_signals()
