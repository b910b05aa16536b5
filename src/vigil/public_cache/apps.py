from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicCacheConfig(AppConfig):
    name = "vigil.public_cache"
    verbose_name = _("Public page cache")
