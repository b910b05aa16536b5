from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class EvidenceConfig(AppConfig):
    name = "vigil.evidence"
    verbose_name = _("Evidence")

    def ready(self):
        from vigil.evidence import claim_tallies, search_index
        from vigil.tallying import kept

        # SQLite drops a table's triggers when a migration rebuilds it: put them back.
        post_migrate.connect(
            search_index.ensure_triggers, sender=self, dispatch_uid="vigil_search_triggers"
        )
        # The cases' claim counts: their triggers stand aside while SQLite remakes tables.
        kept.keep_in_step_while_migrating(self, claim_tallies.CLAIM_TALLY, claim_tallies.MIGRATION)
