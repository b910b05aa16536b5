"""Personal API tokens: made, revoked, checked, and their requests counted.

A token is `vigil_` and 43 random characters; the database holds only its SHA-256, so a copy of
the database gives nobody a working token. The token is shown once, when it is made.
"""

import datetime
import hashlib
import secrets

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from vigil.api.models import ApiRequestCounter, ApiToken

PREFIX = "vigil_"
WINDOW = datetime.timedelta(minutes=1)
KEEP = datetime.timedelta(hours=1)


class RateLimited(Exception):
    """The token has made its requests for this minute; `retry_after` is in seconds."""

    def __init__(self, retry_after: int):
        super().__init__(retry_after)
        self.retry_after = retry_after


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_token(user, *, name: str, scope: str, expires_at) -> tuple[ApiToken, str]:
    """Make a token for `user`; returns the record and the token, which is never shown again."""
    token = PREFIX + secrets.token_urlsafe(32)
    record = ApiToken(
        user=user,
        name=name,
        scope=scope,
        expires_at=expires_at,
        token_hash=_digest(token),
        prefix=token[: len(PREFIX) + 4],
    )
    record.full_clean()
    record.save()
    return record, token


def revoke_token(record: ApiToken) -> None:
    if record.revoked_at is None:
        record.revoked_at = timezone.now()
        record.save(update_fields=["revoked_at"])


def active_token(token: str) -> ApiToken | None:
    """The token's record if it is known, not revoked, not expired and its owner may sign in."""
    if not token.startswith(PREFIX) or len(token) > 100:
        return None
    record = (
        ApiToken.objects.select_related("user")
        .filter(token_hash=_digest(token), revoked_at__isnull=True, expires_at__gt=timezone.now())
        .first()
    )
    if record is None or not record.user.is_active:
        return None
    return record


def admit_request(record: ApiToken, now=None) -> None:
    """Count one request by the token, or raise RateLimited (counting nothing) when it has made
    VIGIL_API_REQUESTS_PER_MINUTE this minute."""
    now = now or timezone.now()
    window = now.replace(second=0, microsecond=0)
    with transaction.atomic():
        ApiRequestCounter.objects.filter(window_start__lt=now - KEEP).delete()
        counter, _created = ApiRequestCounter.objects.select_for_update().get_or_create(
            token=record, window_start=window
        )
        if counter.count >= settings.API_REQUESTS_PER_MINUTE:
            raise RateLimited(retry_after=int((window + WINDOW - now).total_seconds()) + 1)
        ApiRequestCounter.objects.filter(pk=counter.pk).update(count=F("count") + 1)
        ApiToken.objects.filter(pk=record.pk).update(last_used_at=now)
