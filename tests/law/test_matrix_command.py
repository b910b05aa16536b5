import csv
import io
import json

import pytest
from django.core.management import CommandError, call_command

from tests.law.conftest import evidence
from vigil.law import matrix, services

pytestmark = pytest.mark.django_db


@pytest.fixture
def linked(case, killing):
    for standing in ["court", "ngo"]:
        services.link_claim(
            case,
            claim=evidence(case, standing=standing),
            element=killing,
            bearing="supports",
            strength="strong",
        )
    return case


def export(capsys, *args):
    call_command("matrix", *args)
    return capsys.readouterr().out


def test_the_json_export_round_trips_to_the_matrix(linked, genocide_by_killing, capsys):
    data = json.loads(export(capsys, linked.slug, "--crime", "RS-6-a", "--format", "json"))
    expected = [row.as_dict() for row in matrix.crime_matrix(linked, genocide_by_killing)]
    # Each row also gives the element's id and address (tests/test_exports_with_addresses.py).
    assert [{k: v for k, v in e.items() if k not in ("id", "url")} for e in data["elements"]] == (
        expected
    )
    assert data["elements"][0]["status"] == "supported"


def test_the_csv_export_round_trips_to_the_matrix(linked, genocide_by_killing, capsys):
    rows = list(
        csv.DictReader(
            io.StringIO(export(capsys, linked.slug, "--crime", "RS-6-a", "--format", "csv"))
        )
    )
    expected = [row.as_dict() for row in matrix.crime_matrix(linked, genocide_by_killing)]
    assert [
        (r["code"], r["status"], int(r["verified_supporting"]), int(r["independent_sources"]))
        for r in rows
    ] == [
        (e["code"], e["status"], e["verified_supporting"], e["independent_sources"])
        for e in expected
    ]


def test_list_crimes_gives_every_code(law, capsys):
    codes = [line.split("\t")[0] for line in export(capsys, "--list-crimes").splitlines()]
    assert "RS-6-a" in codes and "RS-8-2-a-viii" in codes and len(codes) == 21


def test_unknown_crime_and_case_are_named(linked):
    with pytest.raises(CommandError, match="unknown crime code 'XX'"):
        call_command("matrix", linked.slug, "--crime", "XX")
    with pytest.raises(CommandError, match="no case"):
        call_command("matrix", "nope", "--crime", "RS-6-a")
