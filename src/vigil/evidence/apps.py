from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class EvidenceConfig(AppConfig):
    name = "vigil.evidence"
    verbose_name = _("Evidence")

    def ready(self):
        from vigil.evidence import search_index

        # SQLite drops a table's triggers when a migration rebuilds it: put them back.
        post_migrate.connect(
            search_index.ensure_triggers, sender=self, dispatch_uid="vigil_search_triggers"
        )
