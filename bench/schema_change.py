"""Changing the schema at size: the time to add a column and its index to the claims table, as a
migration does it (Django's schema editor), then to remove them again.

Two kinds of column: a nullable one, which every database adds without touching the rows, and a
NOT NULL one with a default, which SQLite can only add by copying the whole table (Django's
"remake", which also drops the table's triggers; the signals `vigil migrate` sends before and
after migrating take the kept counts' triggers away and put every trigger back). Goal: under a
minute each at S2.
"""

import time

GOAL_SECONDS = 60


def report() -> None:
    from django.db import connection, models

    from vigil.evidence.models import Claim

    drop_leftovers()
    print(f"\nschema change on {Claim.objects.count():,} claims ({connection.vendor})")
    print(f"{'column':36} {'add column':>11} {'add index':>10} {'remove':>8}")
    columns = {
        "nullable": models.CharField(max_length=20, null=True),
        "NOT NULL with a default": models.CharField(max_length=20, default="none"),
    }
    for what, field in columns.items():
        times = time_change(field)
        slowest = max(times[:2])
        print(
            f"{what:36} {times[0]:10.2f}s {times[1]:9.2f}s {times[2]:7.2f}s"
            + ("" if slowest < GOAL_SECONDS else f"  over {GOAL_SECONDS} s")
        )


def drop_leftovers() -> None:
    """Remove the column and index a run stopped half-way may have left."""
    from django.db import connection

    with connection.cursor() as cursor:
        columns = connection.introspection.get_table_description(cursor, "evidence_claim")
        if any(column.name == "bench_column" for column in columns):
            cursor.execute("DROP INDEX IF EXISTS evidence_claim_bench_column")
            cursor.execute("ALTER TABLE evidence_claim DROP COLUMN bench_column")


def time_change(field) -> tuple[float, float, float]:
    """Seconds to add the column, to add its index, and to remove both, each as the migration
    operation (AddField, AddIndex) does it, forwards then backwards."""
    from django.apps import apps
    from django.core.management.sql import emit_post_migrate_signal, emit_pre_migrate_signal
    from django.db import connection, migrations, models
    from django.db.migrations.state import ProjectState

    index = models.Index(fields=["bench_column"], name="evidence_claim_bench_column")
    steps = [
        migrations.AddField("claim", "bench_column", field),
        migrations.AddIndex("claim", index),
    ]
    states = [ProjectState.from_apps(apps)]
    for step in steps:
        states.append(states[-1].clone())
        step.state_forwards("evidence", states[-1])
    # As `vigil migrate` does: the kept counts' triggers stand aside while SQLite remakes the
    # table (it checks every trigger that names it), and come back afterwards, counted afresh.
    plan = [(migrations.Migration("bench_column", "evidence"), False)]
    emit_pre_migrate_signal(0, False, connection.alias, plan=plan)
    times = []
    for step, before, after in zip(steps, states[:-1], states[1:], strict=True):
        with connection.schema_editor() as editor:
            began = time.perf_counter()
            step.database_forwards("evidence", editor, before, after)
            times.append(time.perf_counter() - began)
    began = time.perf_counter()
    for step, before, after in reversed(list(zip(steps, states[:-1], states[1:], strict=True))):
        with connection.schema_editor() as editor:
            step.database_backwards("evidence", editor, after, before)
    times.append(time.perf_counter() - began)
    emit_post_migrate_signal(0, False, connection.alias, plan=plan)
    return tuple(times)
