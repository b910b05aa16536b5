"""A long CSV import writes in short transactions: others write between its batches, a file with
an invalid row still imports nothing, and a row the database refuses stops it with an honest
report of what was imported."""

import csv
import io

import pytest
from django.core.management import CommandError, call_command

from tests.ops.processes import Spawned, query, vigil_env, wait_until, write_lock_held
from vigil.campaigns.importers import import_contacts
from vigil.campaigns.models import Contact
from vigil.database import BATCH_ROWS

HEADER = ["name", "kind", "organisation", "email"]


def contacts_csv(count: int, *, bad_line: int | None = None, long_name_line: int | None = None):
    """`count` contacts as CSV text; line numbers count the header as line 1."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    for line in range(2, count + 2):
        kind = "sorcerer" if line == bad_line else "official"
        name = "N" * 300 if line == long_name_line else f"Person {line}"
        writer.writerow([name, kind, f"Organisation {line}", f"p{line}@example.org"])
    return out.getvalue()


def imported_contacts(data_dir) -> int:
    return query(data_dir, "SELECT count(*) FROM campaigns_contact")[0]


def test_a_long_import_lets_another_connection_write_between_its_batches(data_dir, tmp_path):
    rows = 30 * BATCH_ROWS
    path = tmp_path / "contacts.csv"
    path.write_text(contacts_csv(rows))
    importer = Spawned(vigil_env(data_dir), "import-contacts", str(path))
    try:
        wait_until(lambda: imported_contacts(data_dir) > 0, "the first batch to be committed")
        with write_lock_held(data_dir) as connection:  # waits for the importer to let go
            so_far = connection.execute("SELECT count(*) FROM campaigns_contact").fetchone()[0]
            connection.execute(
                "UPDATE campaigns_contact SET notes = 'met between batches' "
                "WHERE id = (SELECT min(id) FROM campaigns_contact)"
            )
        assert 0 < so_far < rows  # the lock came free while the import was under way
        assert importer.process.wait(timeout=120) == 0, importer.output
    finally:
        importer.stop()
    assert f"{rows} rows read, {rows} imported, 0 with errors." in importer.output
    assert imported_contacts(data_dir) == rows
    first = query(data_dir, "SELECT notes FROM campaigns_contact ORDER BY id LIMIT 1")
    assert first == ("met between batches",)


@pytest.mark.django_db
def test_a_long_file_with_one_invalid_row_at_the_end_imports_nothing():
    rows = 3 * BATCH_ROWS
    report = import_contacts(io.StringIO(contacts_csv(rows, bad_line=rows + 1)))
    assert [row.line for row in report.invalid] == [rows + 1]
    assert report.imported == 0
    assert Contact.objects.count() == 0


@pytest.mark.django_db
def test_a_row_the_database_refuses_stops_the_import_and_keeps_the_batches_before_it():
    refused = BATCH_ROWS + 20  # in the second batch, as a line number
    text = contacts_csv(3 * BATCH_ROWS, long_name_line=refused)
    report = import_contacts(io.StringIO(text))
    assert report.imported == BATCH_ROWS  # the first batch; the second was undone
    assert Contact.objects.count() == BATCH_ROWS
    row = next(row for row in report.rows if row.line == refused)
    assert row.errors and row.errors[0].startswith("not written:")
    assert not row.imported
    assert f"stopped at line {refused}: {BATCH_ROWS} rows before it were imported" in (
        report.stopped
    )


@pytest.mark.django_db
def test_the_import_command_names_the_line_where_writing_stopped(tmp_path, capsys):
    path = tmp_path / "contacts.csv"
    path.write_text(contacts_csv(2 * BATCH_ROWS, long_name_line=BATCH_ROWS + 2))
    with pytest.raises(CommandError, match=f"stopped at line {BATCH_ROWS + 2}"):
        call_command("import_contacts", str(path))
    out = capsys.readouterr().out
    assert f"line {BATCH_ROWS + 1} (Person {BATCH_ROWS + 1}): imported" in out
    assert f"line {BATCH_ROWS + 2} (" + "N" * 300 + "): not written:" in out
