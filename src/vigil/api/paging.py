"""Cursor pagination: a list answers `limit` records and a `next_cursor` that continues after the
last of them, so records added meanwhile never shift a page (as page numbers would).

The cursor is opaque to clients: the sort's value and the id of the last record sent. Sorts are on
fields that are never empty, with the id breaking ties.
"""

import base64
import binascii
import json

from django.core.exceptions import ValidationError
from django.db import DataError
from django.db.models import Q
from ninja import Field, Schema

DEFAULT_LIMIT = 50
MAX_LIMIT = 200


class ListParams(Schema):
    cursor: str | None = None
    # Bounds in the schema: a bad limit is refused as a bad query parameter, and documented.
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT)


def _encode(values: list) -> str:
    return base64.urlsafe_b64encode(json.dumps(values).encode()).decode().rstrip("=")


def _decode(cursor: str) -> list:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        values = json.loads(raw)
    except (binascii.Error, ValueError, UnicodeDecodeError):
        values = None
    if not (isinstance(values, list) and len(values) == 2 and isinstance(values[1], int)):
        raise ValidationError({"cursor": "Not a cursor this list gave."})
    if not isinstance(values[0], str | int) or abs(values[1]) >= 2**63:
        raise ValidationError({"cursor": "Not a cursor this list gave."})
    return values


def _key(value):
    """A sort value as the cursor keeps it (dates and times as ISO text)."""
    return value.isoformat() if hasattr(value, "isoformat") else value


def page(queryset, *, sort: str, cursor: str | None, limit: int, request) -> dict:
    """One page of `queryset` ordered by `sort` ("field" or "-field", then the id) after `cursor`.

    Returns the records and the cursor and address of the next page (None at the end). `limit`
    is within bounds: ListParams's schema refuses any other, as a bad query parameter."""
    descending = sort.startswith("-")
    field = sort.lstrip("-")
    direction = "-" if descending else ""
    queryset = queryset.order_by(f"{direction}{field}", f"{direction}pk")
    if cursor:
        value, last_pk = _decode(cursor)
        after = "lt" if descending else "gt"
        try:
            queryset = queryset.filter(
                Q(**{f"{field}__{after}": value}) | Q(**{field: value, f"pk__{after}": last_pk})
            )
            rows = list(queryset[: limit + 1])
        except (ValidationError, ValueError, TypeError, OverflowError, DataError) as error:
            raise ValidationError({"cursor": "Not a cursor this list gave."}) from error
    else:
        rows = list(queryset[: limit + 1])
    next_cursor = None
    if len(rows) > limit:
        rows = rows[:limit]
        last = rows[-1]
        next_cursor = _encode([_key(_field_value(last, field)), last.pk])
    next_url = None
    if next_cursor:
        query = request.GET.copy()
        query["cursor"] = next_cursor
        next_url = request.build_absolute_uri(f"{request.path}?{query.urlencode()}")
    return {"items": rows, "next_cursor": next_cursor, "next": next_url}


def _field_value(row, field: str):
    value = row
    for part in field.split("__"):
        value = getattr(value, part)
    return value
