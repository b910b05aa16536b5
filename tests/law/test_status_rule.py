"""Every branch of the status rule, on constructed evidence."""

import pytest

from tests.law.conftest import evidence
from vigil.law import matrix, services

pytestmark = pytest.mark.django_db


def link(case, element, claim, bearing="supports"):
    services.link_claim(case, claim=claim, element=element, bearing=bearing, strength="strong")


def status(case, crime, element):
    rows = matrix.crime_matrix(case, crime)
    return next(row for row in rows if row.element == element).status


def test_no_evidence_is_a_gap(case, genocide_by_killing, killing):
    assert status(case, genocide_by_killing, killing) == "gap"


def test_two_verified_claims_from_two_independent_good_sources_are_support(
    case, genocide_by_killing, killing
):
    link(case, killing, evidence(case, grade="A", standing="court"))
    link(case, killing, evidence(case, grade="C", standing="ngo"))
    assert status(case, genocide_by_killing, killing) == "supported"


def test_one_good_source_is_thin(case, genocide_by_killing, killing):
    link(case, killing, evidence(case, grade="A"))
    assert status(case, genocide_by_killing, killing) == "thin"


def test_two_claims_from_one_voice_are_thin(case, genocide_by_killing, killing):
    link(case, killing, evidence(case, grade="B", standing="party", side="Azerbaijan"))
    link(case, killing, evidence(case, grade="B", standing="party", side="Azerbaijan"))
    assert status(case, genocide_by_killing, killing) == "thin"


def test_sources_graded_below_c_do_not_count(case, genocide_by_killing, killing):
    link(case, killing, evidence(case, grade="D", standing="court"))
    link(case, killing, evidence(case, grade="E", standing="ngo"))
    assert status(case, genocide_by_killing, killing) == "thin"


def test_unverified_support_is_thin_and_rejected_support_is_a_gap(
    case, genocide_by_killing, killing
):
    link(case, killing, evidence(case, status="rejected"))
    assert status(case, genocide_by_killing, killing) == "gap"
    link(case, killing, evidence(case, status="proposed", standing="court"))
    assert status(case, genocide_by_killing, killing) == "thin"


def test_a_contradiction_as_well_graded_as_the_best_support_contests(
    case, genocide_by_killing, killing
):
    link(case, killing, evidence(case, grade="B", standing="court"))
    link(case, killing, evidence(case, grade="C", standing="ngo"))
    link(case, killing, evidence(case, grade="B", standing="press"), bearing="contradicts")
    assert status(case, genocide_by_killing, killing) == "contested"


def test_a_weaker_contradiction_leaves_it_supported(case, genocide_by_killing, killing):
    link(case, killing, evidence(case, grade="A", standing="court"))
    link(case, killing, evidence(case, grade="B", standing="ngo"))
    link(case, killing, evidence(case, grade="C", standing="press"), bearing="contradicts")
    assert status(case, genocide_by_killing, killing) == "supported"


def test_enough_evidence_on_both_sides_contests(case, genocide_by_killing, killing):
    link(case, killing, evidence(case, grade="A", standing="court"))
    link(case, killing, evidence(case, grade="A", standing="ngo"))
    link(case, killing, evidence(case, grade="C", standing="press"), bearing="contradicts")
    link(case, killing, evidence(case, grade="C", standing="secondary"), bearing="contradicts")
    assert status(case, genocide_by_killing, killing) == "contested"


def test_an_unverified_contradiction_does_not_contest(case, genocide_by_killing, killing):
    link(case, killing, evidence(case, grade="B", standing="court"))
    link(case, killing, evidence(case, grade="B", standing="ngo"))
    link(case, killing, evidence(case, grade="A", status="proposed"), bearing="contradicts")
    assert status(case, genocide_by_killing, killing) == "supported"


def test_contradiction_alone_is_a_gap(case, genocide_by_killing, killing):
    link(case, killing, evidence(case, grade="A"), bearing="contradicts")
    assert status(case, genocide_by_killing, killing) == "gap"


def test_the_rule_is_configurable_in_settings(case, genocide_by_killing, killing, settings):
    link(case, killing, evidence(case, grade="D"))
    settings.MATRIX_RULE = {"min_claims": 1, "min_sources": 1, "grades": "ABCD"}
    assert status(case, genocide_by_killing, killing) == "supported"


def test_the_row_counts_what_the_page_shows(case, genocide_by_killing, killing):
    link(case, killing, evidence(case, grade="C", standing="court"))
    link(case, killing, evidence(case, grade="B", standing="ngo"))
    link(case, killing, evidence(case, grade="A", status="proposed"))
    link(case, killing, evidence(case, grade="D"), bearing="contradicts")
    row = next(r for r in matrix.crime_matrix(case, genocide_by_killing) if r.element == killing)
    assert row.as_dict() | {"element": "", "reference": ""} == {
        "code": "RS-6-a/1",
        "crime": "RS-6-a",
        "number": 1,
        "kind": "conduct",
        "element": "",
        "reference": "",
        "status": "supported",
        "verified_supporting": 2,
        "verified_contradicting": 1,
        "independent_sources": 2,
        "best_grade": "B",
    }
