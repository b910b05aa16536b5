"""The public pages, served to a crowd from a cache that any change to what they show invalidates
at once.

A view whose page is the same for every visitor who is not signed in (the public case page, its
open data and feed, a public event page) opts in with `@public_page(scopes)`, where
`scopes(**url_kwargs)` names what the page shows: a case (`case_scope(slug)`) or an event
(`event_scope(pk)`); every page also depends on `SITE_SCOPE` (actors, chapters). Each scope has a
version; `bump(scope)` gives it a new one whenever a record a page shows is saved or deleted
(`vigil.dossier.publication` connects the signals that do it).

Versions and pages live in Django's database cache (the `vigil_cache` table, created by a
migration). So a bump is part of the writer's own transaction: no visitor sees the new version
before the change is committed, and every server process, and every machine serving the same
database, sees it at the same moment.

`PublicPageCacheMiddleware` answers a GET from the cache when the stored page was made at the
scopes' current versions: one query, no template. It stores only what a visitor without a session
was shown, never a page that set a cookie, and never a CSRF token: the form's token is cut out
before the page is stored, and each visitor is given their own as the page is served.
"""

import datetime
import hashlib
import re
import secrets

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.urls import Resolver404, resolve
from django.utils import timezone, translation

SITE_SCOPE = "site"
VERSION_PREFIX = "public-version:"
PAGE_PREFIX = "public-page:"
# A backstop: a change made behind the ORM's back (raw SQL, `update()`) shows within this time.
PAGE_SECONDS = 3600
# Larger answers (an open data file of a very large case) are served fresh every time.
MAX_STORED_BYTES = 8 * 1024 * 1024
# The CSRF field as Django's {% csrf_token %} writes it; stored with its value left empty.
CSRF_FIELD = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*(")')
# Pages stored by a server started before this one (older code, older templates) never match.
SERVER_START = secrets.token_hex(8)


def case_scope(slug: str) -> str:
    return f"case:{slug}"


def event_scope(pk: int) -> str:
    return f"event:{pk}"


def public_page(scopes):
    """Mark a view (one that needs no sign-in and reads no query string) whose GET answer is the
    same for every visitor without a session; `scopes(**url_kwargs)` lists what it shows."""

    def mark(view):
        view.public_cache_scopes = scopes
        return view

    return mark


def valid_until(response, moment: datetime.datetime | None):
    """The page shows something that changes at `moment` with nothing written (an event that
    ends, a held place that expires): it is served from the cache no longer than that."""
    if moment is not None:
        earlier = getattr(response, "public_cache_until", None)
        response.public_cache_until = moment if earlier is None else min(earlier, moment)
    return response


def bump(*scopes: str) -> None:
    """Give each scope a new version: every page showing it is made again on its next visit."""
    if scopes:
        cache.set_many({VERSION_PREFIX + scope: secrets.token_hex(8) for scope in scopes}, None)


def _first_version(key: str) -> str | None:
    """A version for a scope the cache has none for (never bumped, or culled)."""
    version = secrets.token_hex(8)
    if cache.add(key, version, None):
        return version
    return cache.get(key)  # another request gave it one first; None if the database refused


def _scopes_of(request) -> list[str] | None:
    """The scopes of a request the cache may answer, or None."""
    if request.method not in ("GET", "HEAD") or request.META.get("QUERY_STRING"):
        return None
    if settings.SESSION_COOKIE_NAME in request.COOKIES or CookieStorage.cookie_name in (
        request.COOKIES
    ):
        return None  # perhaps signed in, or a message waiting to be shown: made for them alone
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None
    scopes = getattr(match.func, "public_cache_scopes", None)
    if scopes is None or getattr(match.func, "login_required", True):
        return None
    return [*scopes(**match.kwargs), SITE_SCOPE]


def _page_key(request) -> str:
    parts = (SERVER_START, request.scheme, request.get_host(), request.path)
    raw = "\n".join((*parts, translation.get_language() or ""))
    return PAGE_PREFIX + hashlib.sha256(raw.encode()).hexdigest()


def _storable(request, response) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.user.is_authenticated
        and not request.session.modified
        and "private" not in response.get("Cache-Control", "")
        and len(response.content) <= MAX_STORED_BYTES
    )


def _store(key: str, versions: list[str], response) -> None:
    seconds = PAGE_SECONDS
    until = getattr(response, "public_cache_until", None)
    if until is not None:
        seconds = min(seconds, int((until - timezone.now()).total_seconds()))
    if seconds < 1:
        return
    content, tokens = CSRF_FIELD.subn(rb"\1\2", response.content)
    # Plain values only, so that a page stored by other code always reads back.
    page = {
        "versions": versions,
        "headers": [
            (name, value)
            for name, value in response.items()
            if name.lower() not in ("content-length", "vary")
        ],
        "content": content,
        "csrf": tokens > 0,
    }
    cache.set(key, page, seconds)


def _serve(page: dict, request) -> HttpResponse:
    content = page["content"]
    if page["csrf"]:
        token = get_token(request).encode()  # this visitor's own; the cookie is set on the way out
        content = CSRF_FIELD.sub(lambda field: field[1] + token + field[2], content)
    response = HttpResponse(content)
    for name, value in page["headers"]:
        response[name] = value
    return response


class PublicPageCacheMiddleware:
    """Answers anonymous GETs of the public pages from the cache (see the module's docstring).
    It sits after the session, locale and CSRF middleware and before authentication."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        scopes = _scopes_of(request)
        if scopes is None:
            return self.get_response(request)
        key = _page_key(request)
        version_keys = [VERSION_PREFIX + scope for scope in scopes]
        found = cache.get_many([key, *version_keys])
        # Read before the view reads the data: a change committed meanwhile leaves the page
        # stored under versions that are already out of date.
        versions = [found.get(name) or _first_version(name) for name in version_keys]
        page = found.get(key)
        if page is not None and page["versions"] == versions:
            return _serve(page, request)
        response = self.get_response(request)
        if None not in versions and _storable(request, response):
            _store(key, versions, response)
        return response
