from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "vigil.cases"
    verbose_name = _("Cases")

    def ready(self):
        from vigil.cases import access  # noqa: F401 - registers the cases forms may offer
