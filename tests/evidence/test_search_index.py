"""The full-text index stays consistent with the rows after every kind of write, says when it is
not (also through `vigil verify`), and `vigil reindex` repairs it."""

import importlib
import io

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from tests.conftest import make_source
from tests.ingest.test_pipeline import REPORT, ingest
from tests.recognition.test_import import csv_text
from vigil.cases.models import Case
from vigil.evidence import search_index, services
from vigil.evidence.models import Claim, Source
from vigil.evidence.search import search_case
from vigil.ingest import review
from vigil.recognition.importer import import_recognitions

pytestmark = pytest.mark.django_db


def found(case, words) -> list:
    return [hit.obj for hit in search_case(case, words)]


def add_claim(source, statement="Civilians were shelled near the airport.", locator="p. 3"):
    fields = {"statement": statement, "claim_type": "act", "locator": locator}
    return services.add_claim(source, fields=fields)


def test_every_service_write_leaves_the_index_consistent(case, source, alice):
    claim = add_claim(source)
    assert search_index.index_problems() == []
    services.update_source(source, changes={"title": "Memorial report", "text": "Shelling."})
    services.update_source(source, changes={"reliability_grade": "A"})
    services.update_claim(claim, fields={"statement": "The airport was shelled at dawn."})
    services.review_claim(claim, status="verified", user=alice)
    assert search_index.index_problems() == []
    assert found(case, "dawn") == [claim]
    assert found(case, "memorial") == [source]
    claim.delete()
    assert search_index.index_problems() == [] and found(case, "dawn") == []


def test_bulk_writes_that_skip_save_keep_the_index_consistent(case, source):
    Claim.objects.bulk_create(
        Claim(case=case, source=source, statement=f"Bulk claim {n} about convoys", locator="p. 1")
        for n in range(30)
    )
    assert len(found(case, "convoys")) == 30
    Claim.objects.filter(source=source).update(statement="Bulk claims about trucks")
    Source.objects.filter(pk=source.pk).update(text="A text about trucks only")
    assert search_index.index_problems() == []
    assert found(case, "convoys") == []
    assert len(found(case, "trucks")) == 31


def test_deleting_a_source_or_a_case_removes_everything_it_held_from_the_index(case, source):
    add_claim(source)
    other = Case.objects.create(slug="other", title="Other")
    add_claim(make_source(other, text="Shelling of the airport, said the other case."))
    source.delete()
    assert search_index.index_problems() == [] and found(case, "shelled") == []
    other.delete()
    assert search_index.index_problems() == []
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM evidence_source")
        assert cursor.fetchone()[0] == 0


def test_ingestion_and_accepting_its_candidates_keep_the_index_consistent(case, tmp_path):
    ingest(case, tmp_path, {"report.txt": REPORT})
    source = Source.objects.get()
    review.accept_kind(source, "country")
    review.accept(source.candidates.filter(kind="figure").first())
    assert source.claims.count() > 1
    assert search_index.index_problems() == []


def test_an_import_keeps_the_index_consistent(case, states):
    report = import_recognitions(case, io.StringIO(csv_text({})))
    assert report.ok and Source.objects.filter(case=case).exists()
    assert search_index.index_problems() == []


def test_a_changed_language_or_a_moved_claim_is_indexed_anew(case, source):
    claim = add_claim(source, statement="Residents were bombed in the fields.")
    other = make_source(case, text="Another report.", title="Other report", language="en")
    services.update_source(source, changes={"language": "en"})
    services.update_claim(claim, fields={"source": other})
    assert search_index.index_problems() == []
    assert found(case, "bombing") == [claim]


def test_an_index_that_went_out_of_step_is_reported_and_reindex_repairs_it(case, source):
    claim = add_claim(source)
    _break_index(source, claim)
    problems = search_index.index_problems()
    assert any(f"claim #{claim.pk}" in p for p in problems)
    assert any(f"source #{source.pk}" in p for p in problems)
    call_command("reindex", stdout=io.StringIO(), stderr=io.StringIO())
    assert search_index.index_problems() == []
    assert found(case, "behind") == [claim]


def test_vigil_verify_names_an_index_out_of_step(case, source):
    claim = add_claim(source)
    out, err = io.StringIO(), io.StringIO()
    call_command("verify", stdout=out, stderr=err)
    assert "search index" in out.getvalue()
    _break_index(source, claim)
    with pytest.raises(CommandError, match="search index"):
        call_command("verify", stdout=out, stderr=err)
    assert f"claim #{claim.pk}" in err.getvalue()


def test_a_migration_that_rebuilds_a_table_does_not_lose_the_triggers(case, source):
    with connection.cursor() as cursor:
        cursor.execute(_drop_trigger_sql())
    assert search_index.index_problems() != []
    call_command("migrate", verbosity=0)  # post_migrate puts missing triggers back
    assert search_index.missing_triggers() == []
    claim = add_claim(source)
    assert found(case, "shelled") == [claim]


def test_reindex_is_safe_to_run_twice_and_counts_the_rows(case, source):
    add_claim(source)
    for _ in range(2):
        out = io.StringIO()
        call_command("reindex", stdout=out, stderr=io.StringIO())
        assert out.getvalue().startswith("Indexed 2 ")
    assert search_index.index_problems() == []


def _break_index(source, claim) -> None:
    """Change rows behind the triggers' back, as a tool writing to the database directly might."""
    with connection.cursor() as cursor:
        cursor.execute(_drop_trigger_sql())
        cursor.execute(_drop_trigger_sql("evidence_source"))
        cursor.execute(
            "UPDATE evidence_claim SET statement = 'Changed behind the index' WHERE id = %s",
            [claim.pk],
        )
        cursor.execute("UPDATE evidence_source SET text = 'Changed too' WHERE id = %s", [source.pk])
    search_index.install_triggers()


def _drop_trigger_sql(table: str = "evidence_claim") -> str:
    if connection.vendor == "sqlite":
        return f"DROP TRIGGER {table}_fts_update"
    return f"DROP TRIGGER {table}_vector_update ON {table}"


def test_the_migration_indexes_what_an_existing_database_holds(case):
    migration = importlib.import_module("vigil.evidence.migrations.0004_search_index_by_key")
    migration.downgrade(connection)  # the database as it was before: rows go unindexed
    source = make_source(case, text="Written before the upgrade: the convoy was shelled.")
    add_claim(source, statement="The convoy was shelled, an older claim says.")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:  # ALTER TABLE refuses pending foreign key checks
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    migration.upgrade(connection)
    assert search_index.index_problems() == []
    assert {type(obj) for obj in found(case, "convoy shelled")} == {Source, Claim}
