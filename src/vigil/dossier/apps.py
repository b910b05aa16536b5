from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DossierConfig(AppConfig):
    name = "vigil.dossier"
    verbose_name = _("Dossier and public site")

    def ready(self):
        from vigil.dossier import publication

        publication.connect()  # changes to what the public site shows renew its cached pages
