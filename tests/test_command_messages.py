"""The command-line tools' messages are marked for translation and read right in English."""

import pytest
from django.core.management import CommandError, call_command

from vigil.tabular import ImportReport, RowReport

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "arguments",
    [
        ["dossier", "nope", "-o", "out.pdf"],
        ["recognitions", "nope"],
        ["search", "nope", "words"],
        ["ingest", ".", "--case", "nope"],
    ],
)
def test_every_case_command_names_a_missing_case(arguments):
    with pytest.raises(CommandError, match="no case with the short name 'nope'"):
        call_command(*arguments)


def test_an_import_summary_counts_with_singular_and_plural():
    report = ImportReport(
        rows=[RowReport(line=2, label="A", imported=True), RowReport(line=3, label="B")]
    )
    assert report.summary() == "2 rows read, 1 imported, 0 with errors."
    assert ImportReport(rows=[RowReport(line=2, label="A")]).summary() == (
        "1 row read, 0 imported, 0 with errors."
    )
