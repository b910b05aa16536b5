from django.db import models
from django.utils.translation import gettext_lazy as _


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
