"""The database as one consistent snapshot, read without stopping anyone from writing, and dumped
as JSON lines that hold any value the database does.

JSON lines rather than Django's XML (which cannot hold most control characters) or its JSON
(whose encoder cuts datetimes to milliseconds, while the audit chain hashes the microseconds).
"""

import contextlib
import datetime

from django.apps import apps
from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, router, transaction

# Rebuilt by Django itself, or meaningless after a restore.
# The public pages' cache versions are not data: a restored site makes its pages afresh.
EXCLUDED_APPS = {"contenttypes", "sessions", "django_tasks_database", "public_cache"}
# The matrix's tallies and the cases' claim counts are counted afresh after a restore.
EXCLUDED_MODELS = {
    "auth.permission",
    "law.elementtally",
    "evidence.claimtally",
    "ingest.ruleverdicttally",
}


class FullPrecisionEncoder(DjangoJSONEncoder):
    """Django's encoder, but datetimes and times keep their microseconds."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


@contextlib.contextmanager
def database_snapshot():
    """Everything read inside sees the database as it was at one moment, while others go on
    writing: on SQLite (in WAL mode) a deferred read transaction, on PostgreSQL a REPEATABLE READ
    read-only one."""
    if connection.in_atomic_block:  # already one transaction, so already one snapshot
        yield
        return
    if connection.vendor == "sqlite":
        with _deferred_sqlite_transaction():
            with connection.cursor() as cursor:
                cursor.execute("SELECT count(*) FROM sqlite_master")  # the snapshot starts here
            yield
    else:
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield


@contextlib.contextmanager
def _deferred_sqlite_transaction():
    # Vigil's SQLite connections begin transactions IMMEDIATE, which takes the write lock and would
    # keep every writer waiting for the whole dump; a deferred one takes only a read snapshot.
    connection.ensure_connection()  # the mode is read from the settings on connecting
    mode = connection.transaction_mode
    connection.transaction_mode = "DEFERRED"
    try:
        with transaction.atomic():
            connection.transaction_mode = mode
            yield
    finally:
        connection.transaction_mode = mode


def backed_up_models() -> list:
    """Every model a backup holds, in an order that loads (what others refer to comes first)."""
    app_list = {
        config: None
        for config in apps.get_app_configs()
        if config.models_module is not None and config.label not in EXCLUDED_APPS
    }
    return [
        model
        for model in serializers.sort_dependencies(app_list.items(), allow_cycles=True)
        if not model._meta.proxy
        and model._meta.label_lower not in EXCLUDED_MODELS
        and router.allow_migrate_model(connection.alias, model)
    ]


def dump_models(models: list, stream, progress=lambda done: None) -> None:
    """Write every row of `models` to the text `stream` as JSON lines (loadable by `loaddata` as
    a .jsonl fixture, with natural keys so it loads on SQLite or PostgreSQL); call
    `progress(models_done)` after each model."""
    serializer = serializers.get_serializer("jsonl")()
    for done, model in enumerate(models, start=1):
        rows = model._base_manager.order_by(model._meta.pk.name).iterator(chunk_size=2000)
        serializer.serialize(
            rows,
            stream=stream,
            use_natural_foreign_keys=True,
            use_natural_primary_keys=True,
            cls=FullPrecisionEncoder,
            ensure_ascii=True,  # any string, even one with a lone surrogate, writes as ASCII
        )
        progress(done)
