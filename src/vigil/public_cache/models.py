from django.db import models
from django.utils.translation import gettext_lazy as _


class PublicPageVersion(models.Model):
    """The current version of what a case's or an event's public pages show: every save or delete
    of a record they show gives it a new one, and a cached page made at another no longer serves
    (vigil/public_cache/cache.py)."""

    scope = models.CharField(_("pages of"), max_length=100, primary_key=True)
    version = models.CharField(_("version"), max_length=32)
    changed_at = models.DateTimeField(_("changed at"))

    class Meta:
        verbose_name = _("public page version")
        verbose_name_plural = _("public page versions")
        db_table = "ops_publicpageversion"  # its name from when it belonged to `ops`

    def __str__(self):
        return self.scope
