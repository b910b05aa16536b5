from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vigil.audit.log import AuditedModel


class ApiToken(AuditedModel):
    """A personal API token. Only its SHA-256 is kept: the token itself is shown once."""

    class Scope(models.TextChoices):
        READ = "read", _("read only")
        READ_WRITE = "read-write", _("read and write")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("name"), max_length=100)
    scope = models.CharField(_("scope"), max_length=10, choices=Scope.choices)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    # The first characters of the token, so its owner can tell their tokens apart.
    prefix = models.CharField(max_length=12, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(null=True, blank=True, editable=False)

    audit_private_fields = frozenset({"token_hash"})
    # Written on every request it authenticates: bookkeeping, not a change anyone makes.
    audit_unlogged_fields = frozenset({"last_used_at"})

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()

    @property
    def may_write(self) -> bool:
        return self.scope == self.Scope.READ_WRITE


class ApiRequestCounter(models.Model):
    """Requests one token made in one minute: counted in the database, so every server process
    shares the count."""

    token = models.ForeignKey(ApiToken, on_delete=models.CASCADE, related_name="+")
    window_start = models.DateTimeField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["token", "window_start"], name="one_api_count_a_minute")
        ]

    def __str__(self):
        return f"{self.token_id} at {self.window_start:%Y-%m-%d %H:%M}: {self.count}"
