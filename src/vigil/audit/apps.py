from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "vigil.audit"
    verbose_name = _("Audit log")

    def ready(self):
        from vigil.audit import log

        log.connect_signals()
