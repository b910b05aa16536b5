"""The public pages, served to a crowd from a cache that any change to what they show invalidates
at once.

A view whose page is the same for every visitor who is not signed in (the public case page, its
open data and feed, a public event page) opts in with `@public_page(scope)`, where
`scope(**url_kwargs)` names what the page shows: a case (`case_scope(slug)`) or an event
(`event_scope(pk)`). Each scope has a version; `bump(scope)` gives it a new one whenever a record
the page shows is saved or deleted (`vigil.dossier.publication` connects the signals that do it).

Versions live in the database (`PublicPageVersion`), pages in Django's database cache (the
`vigil_cache` table, created by a migration). So a bump is part of the writer's own transaction:
no visitor sees the new version before the change is committed, and every server process, and
every machine serving the same database, sees it at the same moment.

`PublicPageCacheMiddleware` answers a GET from the cache when the stored page was made at the
scope's current version: one query (the version), no template. Each server process also keeps the
pages it served in memory, so that a page is read from the database only when it changed. It
stores only what a visitor without a session was shown, never a page that set a cookie (but the
CSRF one), and never a CSRF token: the form's token is cut out before the page is stored, and
each visitor is given their own as the page is served.

The open data files are streamed (an export never sits whole in memory while it is made): the
first visitor after a change is sent the file as it is read from the database, and a copy is
stored once the last byte is sent, so the visitors after them are served it from the cache like
any page. A file larger than MAX_STORED_BYTES is not kept, and is streamed afresh each time.
"""

import datetime
import functools
import hashlib
import re
import secrets
import time

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.urls import Resolver404, get_urlconf, resolve
from django.utils import timezone, translation

from vigil.public_cache.models import PublicPageVersion

PAGE_PREFIX = "public-page:"
# A backstop: a change made behind the ORM's back (raw SQL, `update()`) shows within this time.
PAGE_SECONDS = 3600
# Larger answers (an open data file of a very large case) are streamed afresh every time.
MAX_STORED_BYTES = 8 * 1024 * 1024
# The CSRF field as Django's {% csrf_token %} writes it; stored with its value left empty.
CSRF_FIELD = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*(")')
# Pages stored by a server started before this one (older code, older templates) never match.
SERVER_START = secrets.token_hex(8)
# This process's copies of the pages it served: the shared cache is read only when they are out
# of date, which spares decoding a whole page on every visit. Large ones (open data) are not kept,
# so that a process holds at most some 100 MB of them.
_served = LocMemCache("vigil-public-pages", {"TIMEOUT": PAGE_SECONDS, "MAX_ENTRIES": 200})
MAX_SERVED_BYTES = 512 * 1024


def case_scope(slug: str) -> str:
    return f"case:{slug}"


def event_scope(pk: int) -> str:
    return f"event:{pk}"


def public_page(scope):
    """Mark a view (one that needs no sign-in and reads no query string) whose GET answer is the
    same for every visitor without a session; `scope(**url_kwargs)` names what it shows."""

    def mark(view):
        view.public_cache_scope = scope
        return view

    return mark


def valid_until(response, moment: datetime.datetime | None):
    """The page shows something that changes at `moment` with nothing written (an event that
    ends, a held place that expires): it is served from the cache no longer than that."""
    if moment is not None:
        earlier = getattr(response, "public_cache_until", None)
        response.public_cache_until = moment if earlier is None else min(earlier, moment)
    return response


def _new_versions(scopes, **conflicts) -> None:
    now = timezone.now()
    rows = [
        PublicPageVersion(scope=s, version=secrets.token_hex(8), changed_at=now) for s in scopes
    ]
    PublicPageVersion.objects.bulk_create(rows, **conflicts)


def bump(*scopes: str) -> None:
    """Give each scope a new version: every page showing it is made again on its next visit."""
    if scopes:
        # One statement, whether or not the scope had a version; sorted, so that two writers
        # take the rows' locks in the same order.
        _new_versions(
            sorted(set(scopes)),
            update_conflicts=True,
            unique_fields=["scope"],
            update_fields=["version", "changed_at"],
        )


def _read_version(scope: str) -> str | None:
    # Every page served from the cache asks this: a plain query, without the ORM's cost.
    table = connection.ops.quote_name(PublicPageVersion._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT version FROM {table} WHERE scope = %s", [scope])  # noqa: S608
        row = cursor.fetchone()
    return row[0] if row else None


def _version(scope: str) -> str | None:
    """The scope's version, given a first one if it has none yet; None if the database would not
    take it (busy): the page is then made afresh and not stored."""
    version = _read_version(scope)
    if version is None:
        try:
            _new_versions([scope], ignore_conflicts=True)  # another request may be first
        except DatabaseError:
            return None
        version = _read_version(scope)
    return version


@functools.lru_cache(maxsize=1024)
def _scope_of_path(urlconf: str, path: str, language: str) -> str | None:
    # A public page's address names its language, and resolves only with that language active.
    try:
        with translation.override(language):
            match = resolve(path, urlconf)
    except Resolver404:
        return None
    scope = getattr(match.func, "public_cache_scope", None)
    if scope is None or getattr(match.func, "login_required", True):
        return None
    return scope(**match.kwargs)


def _scope_of(request) -> str | None:
    """The scope of a request the cache may answer, or None."""
    if request.method not in ("GET", "HEAD") or request.META.get("QUERY_STRING"):
        return None
    if settings.SESSION_COOKIE_NAME in request.COOKIES or CookieStorage.cookie_name in (
        request.COOKIES
    ):
        return None  # perhaps signed in, or a message waiting to be shown: made for them alone
    path = request.path_info
    language = translation.get_language_from_path(path) or settings.LANGUAGE_CODE
    return _scope_of_path(get_urlconf() or settings.ROOT_URLCONF, path, language)


def _page_key(request) -> str:
    # The language the address names, else the one the visitor chose (an address without a
    # language sends a visitor who chose another to theirs: see vigil.accounts.language_choice).
    language = translation.get_language_from_path(
        request.path_info
    ) or translation.get_language_from_request(request, check_path=False)
    raw = "\n".join((SERVER_START, request.scheme, request.get_host(), request.path, language))
    return PAGE_PREFIX + hashlib.sha256(raw.encode()).hexdigest()


def _storable(request, response) -> bool:
    return (
        response.status_code == 200
        and set(response.cookies) <= {settings.CSRF_COOKIE_NAME}  # each visitor gets their own
        and not request.user.is_authenticated
        and not request.session.modified
        and "private" not in response.get("Cache-Control", "")
        and (response.streaming or len(response.content) <= MAX_STORED_BYTES)
    )


def _stored_once_sent(key: str, version: str, response, parts):
    """A streamed answer's parts, passed on as they come; once the last one is sent, the whole
    answer is stored, unless it came to more than MAX_STORED_BYTES (a file that large is
    streamed afresh every time) or the sending stopped part-way."""
    kept, size = [], 0
    for part in parts:
        yield part
        size += len(part)
        if size <= MAX_STORED_BYTES:
            kept.append(part)
        else:
            kept.clear()
    if size <= MAX_STORED_BYTES:
        _store(key, version, response, b"".join(kept))


def _store(key: str, version: str, response, content: bytes) -> None:
    seconds = PAGE_SECONDS
    until = getattr(response, "public_cache_until", None)
    if until is not None:
        seconds = min(seconds, int((until - timezone.now()).total_seconds()))
    if seconds < 1:
        return
    content, tokens = CSRF_FIELD.subn(rb"\1\2", content)
    # Plain values only, so that a page stored by other code always reads back.
    page = {
        "version": version,
        "until": time.time() + seconds,
        "headers": [
            (name, value) for name, value in response.items() if name.lower() != "content-length"
        ],
        "content": content,
        "csrf": tokens > 0,
    }
    cache.set(key, page, seconds)
    _keep(key, page)


def _keep(key: str, page: dict) -> None:
    if len(page["content"]) <= MAX_SERVED_BYTES:
        _served.set(key, page, int(page["until"] - time.time()) + 1)


def _current(page: dict | None, version: str) -> bool:
    return page is not None and page["version"] == version and page["until"] > time.time()


def _stored_page(key: str, version: str) -> dict | None:
    """The page stored at this version: this process's copy, else the shared one."""
    page = _served.get(key)
    if _current(page, version):
        return page
    page = cache.get(key)
    if not _current(page, version):
        return None
    _keep(key, page)
    return page


class PublicPageCacheMiddleware:
    """Answers GETs of the public pages from visitors without a session from the cache (see the
    module's docstring). It sits first after WhiteNoise: a page served from the cache passes
    through nothing else, so it does here what it needs of the locale and CSRF middleware."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.csrf = CsrfViewMiddleware(get_response)  # for its cookie handling alone

    def __call__(self, request):
        scope = _scope_of(request)
        if scope is None:
            return self.get_response(request)
        key = _page_key(request)
        # Read before the view reads the data: a change committed meanwhile leaves the page
        # stored under a version that is already out of date.
        version = _version(scope)
        page = _stored_page(key, version)
        if page is not None:
            return self.serve(page, request)
        response = self.get_response(request)
        if version is None or not _storable(request, response):
            return response
        if response.streaming:  # an open data file: sent as it is read, stored once sent
            parts = response.streaming_content
            response.streaming_content = _stored_once_sent(key, version, response, parts)
        else:
            _store(key, version, response, response.content)
        return response

    def serve(self, page: dict, request) -> HttpResponse:
        content = page["content"]
        if page["csrf"]:
            self.csrf.process_request(request)  # reads the visitor's CSRF cookie, if any
            token = get_token(request).encode()  # a token of this visitor's own
            content = CSRF_FIELD.sub(lambda field: field[1] + token + field[2], content)
        response = HttpResponse(content)
        for name, value in page["headers"]:
            response[name] = value
        response["Content-Length"] = str(len(content))
        if page["csrf"]:
            self.csrf.process_response(request, response)  # sets the cookie when it is new
        return response
