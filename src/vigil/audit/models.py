"""The audit entry: one row of the append-only, hash-chained log of every change (vigil/audit/log.py
writes and verifies the chain). The ground floor: it imports no other Vigil app."""

import hashlib
import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _

GENESIS_HASH = "0" * 64


class AppendOnlyError(Exception):
    """Raised when code tries to change or remove an audit entry."""


class AuditEntryQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("audit entries cannot be changed")

    def delete(self):
        raise AppendOnlyError("audit entries cannot be deleted")


class AuditEntry(models.Model):
    """One create, change or delete, chained to the entry before it by a SHA-256 hash."""

    class Action(models.TextChoices):
        CREATE = "create", _("created")
        UPDATE = "update", _("changed")
        DELETE = "delete", _("deleted")
        ERASE = "erase", _("erased on request")

    seq = models.PositiveBigIntegerField(unique=True, editable=False)
    at = models.DateTimeField(editable=False)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_name = models.CharField(max_length=200, help_text=_("Who acted, kept as written then."))
    action = models.CharField(max_length=10, choices=Action.choices)
    model_label = models.CharField(max_length=100)
    object_pk = models.CharField(max_length=64)
    object_repr = models.CharField(max_length=300)
    changes = models.JSONField(default=dict, encoder=DjangoJSONEncoder)
    prev_hash = models.CharField(max_length=64)
    entry_hash = models.CharField(max_length=64, unique=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        ordering = ["seq"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")
        # The table and index keep the names they had when the entry lived in `accounts`.
        db_table = "accounts_auditentry"
        indexes = [
            models.Index(fields=["model_label", "object_pk"], name="accounts_au_model_l_4888c6_idx")
        ]

    def __str__(self):
        return f"#{self.seq} {self.actor_name} {self.action} {self.model_label} {self.object_pk}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("audit entries cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("audit entries cannot be deleted")

    def compute_hash(self) -> str:
        """The hash of this entry's content and the hash before it; what `vigil verify` checks."""
        body = {
            "seq": self.seq,
            "at": self.at.strftime("%Y-%m-%dT%H:%M:%S.%f%z"),
            "actor_id": self.actor_id,
            "actor_name": self.actor_name,
            "action": self.action,
            "model_label": self.model_label,
            "object_pk": str(self.object_pk),
            "object_repr": self.object_repr,
            "changes": self.changes,
            "prev_hash": self.prev_hash,
        }
        canonical = json.dumps(body, sort_keys=True, ensure_ascii=True, cls=DjangoJSONEncoder)
        return hashlib.sha256(canonical.encode()).hexdigest()
