"""Typed readers for settings taken from the environment.

Each fails loudly on a value it cannot read, so a typo in a deployment is caught at start-up
rather than silently replaced by a default.
"""

import ipaddress
import os

from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str) -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(
        f"{name} must be one of 1/0, true/false, yes/no, on/off; got {raw!r}"
    )


def env_int(name: str, default: int, minimum: int | None = None) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number; got {raw!r}") from None
    if minimum is not None and value < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}; got {value}")
    return value


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_addresses(name: str) -> list[str]:
    """A comma-separated list of IP addresses (IPv4 or IPv6), each checked and written in its
    canonical form, as a server compares it with a peer's address."""
    addresses = []
    for item in env_list(name, []):
        try:
            addresses.append(str(ipaddress.ip_address(item.strip("[]"))))
        except ValueError:
            raise ImproperlyConfigured(
                f"{name} must list IP addresses separated by commas; {item!r} is not one"
            ) from None
    return addresses
