"""Living with a database that is sometimes busy.

SQLite lets one writer in at a time, and PostgreSQL makes a writer wait for a row another
transaction holds. Vigil keeps every write transaction short (bulk writes go in `batches`), gives
up waiting for a lock after `VIGIL_DB_WAIT_SECONDS`, and then tells `is_busy` errors apart from
real faults: the web app answers 503 with Retry-After, the background worker waits and goes on.
"""

import sqlite3
import time
from collections.abc import Iterable, Iterator
from itertools import islice

from django.db import connection

# Rows written per transaction by imports and other bulk writes: a batch takes well under a
# second, so a person signing in meanwhile waits at most that long.
BATCH_ROWS = 100
# SQLite has no queue for its write lock: a waiting connection retries about every 100 ms, so a
# writer that starts its next batch at once would keep everyone else out. This pause lets them in.
SQLITE_PAUSE_SECONDS = 0.1

# SQLSTATEs of PostgreSQL giving up on a lock: lock_timeout ran out, or a deadlock was broken.
POSTGRES_BUSY_STATES = {"55P03", "40P01"}


def is_busy(error: BaseException) -> bool:
    """True when `error` (as Django raises it) means the database was too busy to answer in
    time, so that the same request may well succeed a few seconds later."""
    cause = error.__cause__ or error
    if isinstance(cause, sqlite3.OperationalError):
        return getattr(cause, "sqlite_errorname", "").startswith(("SQLITE_BUSY", "SQLITE_LOCKED"))
    return getattr(cause, "sqlstate", None) in POSTGRES_BUSY_STATES


def batches(items: Iterable, size: int = BATCH_ROWS) -> Iterator[list]:
    """`items` in lists of at most `size`. The caller writes each list in its own transaction;
    before handing out the next list (so after that transaction has ended), on SQLite, a short
    pause lets other writers take the lock (pointless, and skipped, inside an outer transaction)."""
    iterator = iter(items)
    first = True
    while batch := list(islice(iterator, size)):
        if not first and connection.vendor == "sqlite" and not connection.in_atomic_block:
            time.sleep(SQLITE_PAUSE_SECONDS)
        first = False
        yield batch
