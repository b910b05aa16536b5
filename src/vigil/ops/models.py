from django.db import models
from django.utils.translation import gettext_lazy as _


class PublicPageVersion(models.Model):
    """The current version of what a case's or an event's public pages show: every save or delete
    of a record they show gives it a new one, and a cached page made at another no longer serves
    (vigil/public_cache.py)."""

    scope = models.CharField(_("pages of"), max_length=100, primary_key=True)
    version = models.CharField(_("version"), max_length=32)
    changed_at = models.DateTimeField(_("changed at"))

    class Meta:
        verbose_name = _("public page version")
        verbose_name_plural = _("public page versions")

    def __str__(self):
        return self.scope


class WorkerLease(models.Model):
    """A running background worker's claim to be alive, renewed while it runs. A job whose worker
    let its lease lapse was abandoned (the worker was killed or its machine died): another worker
    resumes it or marks it failed (vigil/ops/leases.py)."""

    worker_id = models.CharField(_("worker"), max_length=64, primary_key=True)
    pid = models.PositiveIntegerField(_("process id"))
    renewed_at = models.DateTimeField(_("renewed at"))

    class Meta:
        verbose_name = _("worker lease")
        verbose_name_plural = _("worker leases")

    def __str__(self):
        return self.worker_id
