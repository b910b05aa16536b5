from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignsConfig(AppConfig):
    name = "vigil.campaigns"
    verbose_name = _("Campaigns")

    def ready(self):
        from vigil.campaigns import access  # noqa: F401 - registers what forms may offer
