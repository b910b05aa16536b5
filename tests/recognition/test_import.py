import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from tests.recognition.conftest import act, state
from vigil.recognition.importer import COLUMNS, import_recognitions
from vigil.recognition.models import Actor, RecognitionAct

pytestmark = pytest.mark.django_db

GOOD = {
    "country": "PAK",
    "actor": "Senate of Pakistan",
    "actor_kind": "chamber",
    "date": "2012-02-01",
    "instrument": "resolution",
    "characterisation": "genocide",
    "wording": "the genocide committed in Khojaly",
    "status": "adopted",
    "source_title": "Senate resolution",
    "source_url": "https://example.org/senate",
    "notes": "",
    "verified": "yes",
}


def csv_text(*rows):
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    for row in rows:
        writer.writerow({**GOOD, **row})
    return out.getvalue()


def run(case, *rows, skip=False):
    return import_recognitions(case, io.StringIO(csv_text(*rows)), skip_invalid=skip)


def test_a_valid_file_imports_acts_with_actor_and_source(case, states):
    report = run(case, {}, {"country": "MEX", "actor": "", "characterisation": "massacre"})
    assert report.ok and report.imported == 2
    senate = RecognitionAct.objects.get(actor__name="Senate of Pakistan")
    assert senate.actor.parent == state("PAK")
    assert senate.sources.get().url == "https://example.org/senate"
    assert senate.review == "verified"
    assert RecognitionAct.objects.get(actor=state("MEX")).characterisation == "massacre"


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({"country": "XYZ"}, "unknown country code 'XYZ'"),
        ({"date": "1 Feb 2012"}, "bad date '1 Feb 2012'"),
        ({"date": "2012-13-01"}, "bad date '2012-13-01'"),
        ({"characterisation": "atrocity"}, "unknown characterisation 'atrocity'"),
        ({"instrument": "tweet"}, "unknown instrument 'tweet'"),
        ({"status": "passed"}, "unknown status 'passed'"),
        ({"wording": ""}, "no wording"),
        ({"country": "", "actor": ""}, "no actor"),
        ({"original_language": "fr"}, "unknown language 'fr'"),
    ],
)
def test_each_kind_of_bad_row_is_reported_and_nothing_imported(case, states, row, message):
    report = run(case, {"country": "MEX", "actor": ""}, row)
    assert not report.ok
    assert report.rows[0].errors == []
    assert any(message in error for error in report.rows[1].errors), report.rows[1].errors
    assert report.imported == 0
    assert not RecognitionAct.objects.exists()


def test_a_duplicate_of_an_existing_act_is_reported(case, states):
    existing = act(case, state("PAK"), "genocide", date=__import__("datetime").date(2012, 2, 1))
    report = run(case, {"actor": ""})
    assert f"duplicate of an existing act (#{existing.pk}" in report.rows[0].errors[0]


def test_a_duplicate_row_in_the_same_file_is_reported(case, states):
    report = run(case, {}, {})
    assert report.rows[1].errors == ["duplicate of row 2 in this file"]


def test_skip_invalid_imports_the_valid_rows_only(case, states):
    report = run(case, {}, {"country": "XYZ"}, skip=True)
    assert report.imported == 1
    assert RecognitionAct.objects.count() == 1
    assert report.rows[1].imported is False


def test_missing_columns_are_named(case, states):
    report = import_recognitions(case, io.StringIO("country,actor\nPAK,x\n"))
    assert "characterisation" in report.file_error


def test_the_command_exits_non_zero_on_errors_and_imports_nothing(case, states, tmp_path, capsys):
    path = tmp_path / "acts.csv"
    path.write_text(csv_text({}, {"country": "XYZ"}))
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_recognitions", case.slug, str(path))
    assert "line 3 (Senate of Pakistan): unknown country code 'XYZ'" in capsys.readouterr().out
    assert not RecognitionAct.objects.exists()
    call_command("import_recognitions", case.slug, str(path), "--skip-invalid")
    assert RecognitionAct.objects.count() == 1


def test_the_export_imports_back_into_another_case(case, states, capsys):
    from vigil.cases.models import Case

    run(case, {}, {"country": "MEX", "actor": "", "date": "2011-12", "verified": "no"})
    call_command("recognitions", case.slug, "--format", "csv")
    exported = capsys.readouterr().out
    other = Case.objects.create(slug="copy", title="Copy")
    report = import_recognitions(other, io.StringIO(exported))
    assert report.ok and report.imported == 2
    mexico = RecognitionAct.objects.get(case=other, actor__country_code="MEX")
    assert mexico.date_iso == "2011-12" and mexico.review == "unverified"
    assert Actor.objects.filter(name="Senate of Pakistan").count() == 1


def test_the_web_import_shows_the_report(alice_client, case, states):
    upload = SimpleUploadedFile("acts.csv", csv_text({"country": "XYZ"}).encode())
    response = alice_client.post(reverse("recognition:import", args=[case.slug]), {"file": upload})
    page = response.content.decode()
    assert "unknown country code" in page and "Nothing was imported." in page
    assert not RecognitionAct.objects.exists()


def test_the_export_names_each_act_s_language_and_the_import_keeps_it(case, states, capsys):
    from vigil.cases.models import Case

    run(case, {"wording": "совершённый геноцид", "original_language": "ru"})
    assert RecognitionAct.objects.get(case=case).original_language == "ru"
    call_command("recognitions", case.slug, "--format", "csv")
    exported = capsys.readouterr().out
    assert next(csv.DictReader(io.StringIO(exported)))["original_language"] == "ru"
    other = Case.objects.create(slug="copy", title="Copy")
    assert import_recognitions(other, io.StringIO(exported)).ok
    assert RecognitionAct.objects.get(case=other).original_language == "ru"


def test_a_file_without_the_language_column_leaves_an_act_s_language_alone(case, states):
    existing = act(case, state("PAK"))
    existing.original_language = "ur"
    existing.save()
    out = io.StringIO()
    columns = [c for c in COLUMNS if c != "original_language"]
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    writer.writerow({**GOOD, "id": existing.pk, "actor": "", "notes": "corrected"})
    assert import_recognitions(case, io.StringIO(out.getvalue())).ok
    existing.refresh_from_db()
    assert (existing.notes, existing.original_language) == ("corrected", "ur")
