"""Every record's address on the web, as exports give it (the API gives the same), and finding
the record an exported row names again when the file comes back in.

With a request, an address uses the host the request came to; without one (the command line) it
uses VIGIL_BASE_URL.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _


def absolute(path: str, request=None) -> str:
    if request is not None:
        return request.build_absolute_uri(path)
    return settings.BASE_URL.rstrip("/") + path


def address_of(record, request=None) -> str:
    """The record's own page, as a full address."""
    return absolute(record.get_absolute_url(), request)


def named_id(row: dict, errors: list[str], page: str) -> int | None:
    """The id of the record an exported row names: its `id` cell, or else the id in its `url`
    when that is the address of a `page` (a URL name such as "campaigns:contact"); None for a row
    that names no record (a new one). A value that is neither is an error."""
    raw = (row.get("id") or "").strip()
    if raw:
        if raw.isdigit() and int(raw) < 2**63:
            return int(raw)
        errors.append(_("the id %(id)r is not a number") % {"id": raw})
        return None
    url = (row.get("url") or "").strip()
    if not url:
        return None
    try:
        match = resolve(urlsplit(url).path)
    except Resolver404:
        match = None
    found = match.kwargs.get("pk") if match and match.view_name == page else None
    if found is None:
        errors.append(
            _("the address %(url)r is not the address of a record of this kind in Vigil")
            % {"url": url}
        )
    return found
