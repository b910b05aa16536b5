from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class LawConfig(AppConfig):
    name = "vigil.law"
    verbose_name = _("Law")

    def ready(self):
        from vigil.law import tallies
        from vigil.tallying import kept

        post_migrate.connect(_install_reference_data, sender=self)
        # The matrix's tallies: their triggers stand aside while SQLite remakes tables.
        kept.keep_in_step_while_migrating(self, tallies.ELEMENT_TALLY, tallies.MIGRATION)


def _install_reference_data(sender, using="default", **kwargs):
    from vigil.law.reference import install_reference_data

    install_reference_data(using=using)
