"""How many public replies one client address may send in an hour: per event and across events.

Counted in the database, so every process serving the site shares one count. The address is
stored only as a keyed hash, and counts older than a day are deleted as new ones are made.
"""

import datetime
import hashlib
import hmac
import ipaddress

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from vigil.campaigns.models import Event, ReplyCounter

WINDOW = datetime.timedelta(hours=1)
KEEP = datetime.timedelta(days=1)


class ReplyThrottled(Exception):
    """Too many replies from this address; `retry_after` is in seconds."""

    def __init__(self, retry_after: int):
        super().__init__(retry_after)
        self.retry_after = retry_after


def client_network(address: str | None) -> str:
    """The unit a limit applies to: an IPv4 address, or an IPv6 /64 (what one subscriber gets,
    so a visitor cannot step round the limit by changing the rest of the address)."""
    try:
        ip = ipaddress.ip_address((address or "").strip())
    except ValueError:
        return "unknown"
    if ip.version == 4:
        return str(ip)
    if ip.ipv4_mapped is not None:
        return str(ip.ipv4_mapped)
    return str(ipaddress.ip_network(f"{ip}/64", strict=False))


def _key(text: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), text.encode(), hashlib.sha256).hexdigest()


def admit_reply(address: str | None, event: Event, now=None) -> None:
    """Count one reply from `address` to `event`, or raise ReplyThrottled (counting nothing) when
    the address has reached either hourly limit."""
    now = now or timezone.now()
    window = now.replace(minute=0, second=0, microsecond=0)
    network = client_network(address)
    limits = {
        _key(f"reply|{network}|event:{event.pk}"): settings.RSVP_REPLIES_PER_EVENT,
        _key(f"reply|{network}"): settings.RSVP_REPLIES_PER_ADDRESS,
    }
    with transaction.atomic():
        ReplyCounter.objects.filter(window_start__lt=now - KEEP).delete()
        # Locked rows on PostgreSQL (SQLite transactions begin IMMEDIATE): replies count in turn.
        counters = [
            ReplyCounter.objects.select_for_update().get_or_create(key=key, window_start=window)[0]
            for key in limits
        ]
        if any(counter.count >= limits[counter.key] for counter in counters):
            raise ReplyThrottled(retry_after=int((window + WINDOW - now).total_seconds()) + 1)
        ReplyCounter.objects.filter(pk__in=[c.pk for c in counters]).update(count=F("count") + 1)
