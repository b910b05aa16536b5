from django.apps import AppConfig
from django.db.models.signals import post_migrate, pre_migrate
from django.utils.translation import gettext_lazy as _


class EvidenceConfig(AppConfig):
    name = "vigil.evidence"
    verbose_name = _("Evidence")

    def ready(self):
        from vigil.evidence import claim_tallies, search_index

        # SQLite drops a table's triggers when a migration rebuilds it: put them back.
        post_migrate.connect(
            search_index.ensure_triggers, sender=self, dispatch_uid="vigil_search_triggers"
        )
        # The cases' claim counts: their triggers stand aside while SQLite remakes tables.
        pre_migrate.connect(
            claim_tallies.before_migrate, sender=self, dispatch_uid="vigil_claim_tallies_pre"
        )
        post_migrate.connect(
            claim_tallies.after_migrate, sender=self, dispatch_uid="vigil_claim_tallies_post"
        )
