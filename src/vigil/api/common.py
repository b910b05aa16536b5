"""What every endpoint shares: the error answers it may give, the absolute address of a record,
list pages, and running a page's form on JSON input (so the API validates exactly as the pages)."""

import datetime

from django.db.models import BigIntegerField, Q
from django.db.models.functions import Cast
from ninja import Schema
from pydantic import create_model

from vigil.api.problems import FormInvalid, Problem
from vigil.audit.models import AuditEntry

ERRORS = {401: Problem, 403: Problem, 404: Problem, 422: Problem, 429: Problem}


def answers(schema, status: int = 200) -> dict:
    """The responses an operation documents: its own and every problem it can answer."""
    return {status: schema, **ERRORS}


def absolute_url(request, record) -> str:
    return request.build_absolute_uri(record.get_absolute_url())


def page_of(schema):
    """The list envelope for records of `schema`."""
    return create_model(
        f"{schema.__name__}Page",
        __base__=Schema,
        items=(list[schema], ...),
        next_cursor=(str | None, None),
        next=(str | None, None),
    )


def run_form(form):
    """The form's cleaned data, or a 422 naming each field and the reason."""
    if not form.is_valid():
        raise FormInvalid(form)
    return form.cleaned_data


def merged(current: dict, changes: dict) -> dict:
    """A partial update's form data: the record's current values with the sent ones over them."""
    data = {key: value for key, value in current.items() if value is not None}
    for key, value in changes.items():
        data[key] = "" if value is None else value
    return data


def changed_since(queryset, since: datetime.datetime | None):
    """Records created or changed at or after `since`, by the audit log (every audited model's
    every change is there, so no model needs an updated-at column of its own)."""
    if since is None:
        return queryset
    if since.tzinfo is not None:
        # In UTC: PostgreSQL refuses an offset past 15:59, which ISO 8601 allows.
        try:
            since = since.astimezone(datetime.UTC)
        except OverflowError:  # before the year 1 or after 9999 once in UTC: all, or none
            return queryset if since.utcoffset() > datetime.timedelta(0) else queryset.none()
    label = queryset.model._meta.label
    touched = AuditEntry.objects.filter(model_label=label, at__gte=since).annotate(
        object_id=Cast("object_pk", BigIntegerField())
    )
    return queryset.filter(Q(pk__in=touched.values("object_id")))
