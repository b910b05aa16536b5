from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    """The machine API at /api/v1/: the top floor, calling every other app's rules and services."""

    name = "vigil.api"
    verbose_name = _("API")
