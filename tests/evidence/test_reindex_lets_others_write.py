"""`vigil reindex` rebuilds the index in short transactions: another connection can take SQLite's
write lock between any two of its batches (a real process on a real database file)."""

from tests.ops.conftest import data_dir, migrated_template  # noqa: F401 - fixtures
from tests.ops.processes import run_vigil, vigil_env

SCRIPT = """
import sqlite3
from django.conf import settings
from vigil.cases.models import Case
from vigil.evidence import search_index
from vigil.evidence.models import Claim, Source

case = Case.objects.create(slug="many", title="Many claims")
source = Source.objects.create(case=case, kind="report", title="One report", text="Words.")
Claim.objects.bulk_create(
    Claim(case=case, source=source, statement=f"Claim {n}: shelling at dawn", locator="p. 1")
    for n in range(20_000)
)
other = sqlite3.connect(settings.DATABASES["default"]["NAME"], timeout=0, isolation_level=None)

def between_batches(table, done, total):
    other.execute("BEGIN IMMEDIATE")  # fails at once if the rebuild still holds the write lock
    other.execute("UPDATE cases_case SET summary = ? WHERE id = ?", [f"{table} {done}", case.pk])
    other.execute("COMMIT")
    print("written between batches:", table, done, total)

print("indexed", search_index.rebuild(between_batches))
print("problems", search_index.index_problems())
"""


def test_another_connection_writes_between_every_two_batches_of_a_rebuild(data_dir):  # noqa: F811
    out = run_vigil(vigil_env(data_dir), "shell", "-c", SCRIPT)
    between = [line for line in out.splitlines() if line.startswith("written between batches")]
    assert len(between) >= 3, out
    assert "written between batches: evidence_claim 20000 20000" in out
    assert "indexed 20001" in out and "problems []" in out
