from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpsConfig(AppConfig):
    """What runs an installation: the server, the background worker and the deploy checks."""

    name = "vigil.ops"
    verbose_name = _("Operations")

    def ready(self):
        from vigil.ops import checks  # noqa: F401  (registers the deploy checks)
