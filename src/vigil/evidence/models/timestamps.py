"""Trusted timestamps (RFC 3161) over archived files' hashes."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from vigil.evidence.models.sources import ArchivedFile


class TimestampToken(models.Model):
    """An RFC 3161 token: a time-stamping authority's signed word that the Merkle root of these
    hashes (archived files' SHA-256 and, first, a checkpointed audit chain head) existed then."""

    merkle_root = models.CharField(max_length=64, unique=True)
    leaves = models.JSONField(help_text=_("The hashes under the root, in order."))
    chain_seq = models.PositiveBigIntegerField(null=True, blank=True)
    response = models.BinaryField(help_text=_("The authority's whole DER-encoded response."))
    tsa_name = models.CharField(_("time-stamping authority"), max_length=300)
    tsa_url = models.CharField(max_length=500)
    gen_time = models.DateTimeField(_("timestamped at"))

    class Meta:
        ordering = ["gen_time"]
        verbose_name = _("trusted timestamp")
        verbose_name_plural = _("trusted timestamps")

    def __str__(self):
        return f"{self.tsa_name} {self.gen_time.isoformat()}"


class FileTimestamp(models.Model):
    """Which token covers an archived file's SHA-256; a file without one awaits a timestamp."""

    archived_file = models.OneToOneField(
        ArchivedFile, on_delete=models.CASCADE, related_name="trusted_timestamp"
    )
    token = models.ForeignKey(TimestampToken, on_delete=models.PROTECT, related_name="files")

    class Meta:
        verbose_name = _("file timestamp")

    def __str__(self):
        return f"{self.archived_file_id} → {self.token_id}"
