from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demonstration case and its loader (`vigil load-demo`), and the generated archives that
    measure Vigil at scale (`vigil generate-scale`). Nothing in Vigil imports it."""

    name = "vigil.demo"
    verbose_name = _("Demonstration")
