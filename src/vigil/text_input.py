"""Text that comes in from outside (forms, the admin, CSV imports, ingested documents) is cleaned
of control characters before Vigil keeps it.

A stray control character is invisible on screen yet breaks what reads the text later: XML and
PostgreSQL refuse NUL, spreadsheets and terminals misbehave. Tab, line feed and carriage return
are kept because people type them; every other C0 control character and DEL is removed.
"""

import contextlib
import functools
import re

from django.http import Http404, QueryDict, UnreadablePostError

KEPT = "\t\n\r"
# Vigil itself separates the pages of a PDF's text with a form feed (see evidence/text.py).
PAGE_BREAK = "\f"


@functools.cache
def _control_characters(keep: str) -> re.Pattern:
    removed = "".join(chr(code) for code in [*range(0x20), 0x7F] if chr(code) not in keep)
    return re.compile(f"[{re.escape(removed)}]")


def strip_control_characters(text: str, keep: str = KEPT) -> str:
    """`text` without C0 control characters and DEL, except those in `keep` (by default tab,
    line feed and carriage return)."""
    return _control_characters(keep).sub("", text)


def _cleaned(values: QueryDict) -> QueryDict:
    """The same parameters with every name and value cleaned (the original when already clean)."""
    pattern = _control_characters(KEPT)
    if not any(pattern.search(key) or any(map(pattern.search, v)) for key, v in values.lists()):
        return values
    cleaned = QueryDict(mutable=True, encoding=values.encoding)
    for key, items in values.lists():
        cleaned.setlist(strip_control_characters(key), [strip_control_characters(v) for v in items])
    cleaned._mutable = False  # as Django hands it to views: read-only
    return cleaned


class ControlCharacterMiddleware:
    """Cleans every value of request.GET and request.POST (uploaded files are left as they are),
    so every form, the admin and any later API receive text without control characters; an
    address with a control character is answered 404."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _control_characters("").search(request.path_info):
            # No address of Vigil has one, and a lookup with NUL fails on PostgreSQL.
            raise Http404
        request.GET = _cleaned(request.GET)
        if request.method == "POST":
            # A client that went away mid-upload is answered by Django as it always is.
            with contextlib.suppress(UnreadablePostError):
                request.POST = _cleaned(request.POST)
        return self.get_response(request)
