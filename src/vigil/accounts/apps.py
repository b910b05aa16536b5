from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "vigil.accounts"
    verbose_name = _("Accounts and audit")

    def ready(self):
        from vigil import lookups
        from vigil.accounts import audit

        audit.connect_signals()
        lookups.register()  # project-wide: no form or filter fails on an id out of range
