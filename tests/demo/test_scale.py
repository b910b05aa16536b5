"""The generated archive (`vigil generate-scale`) and what it shows: every write path runs the same
number of SQL statements however large the archive, and leaves the search index consistent."""

import io

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from vigil.cases.models import Case
from vigil.demo import scale
from vigil.demo.scale.write_paths import WRITE_PATHS, Setting
from vigil.evidence.search_index import index_problems

pytestmark = pytest.mark.django_db

EVERY_KIND = [
    "cases.Case",
    "cases.CaseMembership",
    "evidence.ArchivedFile",
    "evidence.Source",
    "evidence.Claim",
    "evidence.Figure",
    "law.ConsideredCrime",
    "law.ElementLink",
    "ingest.Candidate",
    "recognition.Actor",
    "recognition.RecognitionAct",
    "recognition.Target",
    "recognition.StageChange",
    "campaigns.Chapter",
    "campaigns.Member",
    "campaigns.Consent",
    "campaigns.Contact",
    "campaigns.Interaction",
    "campaigns.Event",
    "campaigns.RSVP",
    "campaigns.Task",
    "audit.AuditEntry",
]


class DatabaseWork:
    """The work the database does, counted rather than timed: SQLite's virtual machine
    instructions (a table scan runs some for every row), or the rows PostgreSQL reads when it
    may scan a table only where no index serves (it rightly scans small tables otherwise)."""

    def __enter__(self):
        self.steps = 0
        if connection.vendor == "sqlite":
            connection.ensure_connection()
            connection.connection.set_progress_handler(self._step, 10)
        else:
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL enable_seqscan = off")
            self.before = self._pg_rows_read()
        return self

    def _step(self) -> int:
        self.steps += 10
        return 0  # go on

    def _pg_rows_read(self) -> int:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT coalesce(sum(seq_tup_read + coalesce(idx_tup_fetch, 0)), 0) "
                "FROM pg_stat_xact_user_tables"
            )
            return int(cursor.fetchone()[0])

    def __exit__(self, *exc):
        if connection.vendor == "sqlite":
            connection.connection.set_progress_handler(None, 0)
        else:
            self.steps = self._pg_rows_read() - self.before
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL enable_seqscan = on")


def _merge_the_search_index() -> None:
    """SQLite's full-text index is a pile of segments that it merges now and then, whatever the
    archive's size: how much a write costs it depends on how the pile happens to stand after
    the rows that came before, not on how many there are. Both archives' indexes are merged
    into one segment first, so the writes measured meet the index in the same shape."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO evidence_fts(evidence_fts) VALUES ('optimize')")


def cost_per_path(case) -> dict[str, tuple[int, int]]:
    """(statements, database work) of each write path, each in a transaction rolled back after;
    checks the search index after each."""
    setting = Setting.for_case(case)
    costs = {}
    _merge_the_search_index()
    for path in WRITE_PATHS:
        with transaction.atomic():
            prepared = path.prepare(setting)
            with CaptureQueriesContext(connection) as queries, DatabaseWork() as work:
                path.run(setting, prepared)
            assert index_problems() == [], path.name
            transaction.set_rollback(True)
        costs[path.name] = (len(queries), work.steps)
    return costs


def test_the_generator_makes_every_kind_of_record_and_a_sound_archive():
    out = io.StringIO()
    call_command("generate-scale".replace("-", "_"), size="300", seed=3, stdout=out, stderr=out)
    for label in EVERY_KIND:
        assert apps.get_model(label).objects.exists(), label
    assert Case.objects.filter(slug__startswith="scale-3-").count() == 2
    call_command("verify", stdout=io.StringIO(), stderr=io.StringIO())  # chain, files and index
    with pytest.raises(CommandError, match="already"):
        call_command("generate_scale", size="300", seed=3, stdout=out, stderr=out)


def test_the_same_seed_writes_the_same_words():
    import random

    from vigil.demo.scale.words import Writer

    first, second = Writer(random.Random(7)), Writer(random.Random(7))
    assert [first.sentence() for _ in range(20)] == [second.sentence() for _ in range(20)]


def test_no_write_path_costs_more_in_a_larger_archive():
    scale.generate(scale.Plan(400), seed=1)
    small = cost_per_path(Case.objects.get(slug="scale-1-01"))
    # Every table grows some twentyfold, and so does the case the writes go to.
    scale.generate(scale.Plan(8000), seed=2)
    large = cost_per_path(Case.objects.get(slug="scale-2-01"))
    assert {name: count for name, (count, _) in large.items()} == {
        name: count for name, (count, _) in small.items()
    }
    # The same work, give or take a little (SQLite's plans differ by a few instructions as
    # B-trees deepen); a scan of a table that grew would cost more than this allows.
    grew = {name: (small[name][1], work) for name, (_, work) in large.items()}
    assert {name: w for name, w in grew.items() if w[1] > 1.1 * w[0] + 50} == {}
