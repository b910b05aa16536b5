"""`vigil check --deploy` refuses a production set-up whose settings contradict one another.

Each of these set-ups passes Django's own checks, yet does not work: a site that redirects every
request to itself, or one where nobody can sign in.
"""

from django.conf import settings
from django.core.checks import Error, Tags, register


@register(Tags.security, deploy=True)
def check_https_behind_a_proxy(app_configs, **kwargs) -> list[Error]:
    errors = []
    https = settings.SECURE_SSL_REDIRECT
    if https and not settings.TRUSTED_PROXIES:
        errors.append(
            Error(
                "VIGIL_HTTPS=1 but VIGIL_TRUSTED_PROXIES is empty.",
                hint=(
                    "Vigil serves plain HTTP behind a TLS proxy; without the proxy's address it "
                    "ignores X-Forwarded-Proto, takes every request for plain HTTP and redirects "
                    "it to itself forever. Set VIGIL_TRUSTED_PROXIES to the proxy's address."
                ),
                id="vigil.E001",
            )
        )
    if settings.SESSION_COOKIE_SECURE and not https:
        errors.append(
            Error(
                "VIGIL_SECURE_COOKIES=1 but VIGIL_HTTPS=0.",
                hint=(
                    "Browsers send secure cookies over HTTPS only: served over plain HTTP, nobody "
                    "can sign in. Serve Vigil behind TLS and set VIGIL_HTTPS=1 as well."
                ),
                id="vigil.E002",
            )
        )
    if https and not settings.SESSION_COOKIE_SECURE:
        errors.append(
            Error(
                "VIGIL_HTTPS=1 but VIGIL_SECURE_COOKIES=0.",
                hint=(
                    "The session cookie would also travel over plain HTTP, where anyone on the "
                    "way can read it. Set VIGIL_SECURE_COOKIES=1."
                ),
                id="vigil.E003",
            )
        )
    return errors


# The rules' verdict counts read a candidate's rule with `->>`, which SQLite knows from 3.38.
SQLITE_AT_LEAST = (3, 38)


@register(Tags.database)
def check_sqlite_version(app_configs, databases=None, **kwargs) -> list[Error]:
    import sqlite3

    from django.db import connections

    uses_sqlite = any(connections[alias].vendor == "sqlite" for alias in databases or ())
    if not uses_sqlite or sqlite3.sqlite_version_info >= SQLITE_AT_LEAST:
        return []
    return [
        Error(
            f"Vigil needs SQLite {'.'.join(map(str, SQLITE_AT_LEAST))} or newer; this Python has "
            f"{sqlite3.sqlite_version}.",
            hint="Use a Python built with a newer SQLite, or PostgreSQL (DATABASE_URL).",
            id="vigil.E004",
        )
    ]
