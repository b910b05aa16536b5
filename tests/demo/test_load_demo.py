import json

import pytest
from django.core.management import call_command

from vigil.cases.models import Case
from vigil.demo.loader import DEMO_DIR
from vigil.evidence.models import Claim, Source

pytestmark = pytest.mark.django_db

FACTS = json.loads((DEMO_DIR / "facts.json").read_text())


@pytest.fixture
def demo(db):
    call_command("load_demo")
    return Case.objects.get(slug="khojaly-1992")


def test_the_seed_article_is_an_archived_advocacy_source(demo):
    seed = Source.objects.get(case=demo, import_key="demo:source:seed")
    assert seed.kind == "advocacy"
    assert seed.archived_file.size == (DEMO_DIR / "seed-article.txt").stat().st_size
    assert "613 residents of Khojaly" in seed.text


@pytest.mark.parametrize(
    ("category", "value", "locator"),
    [
        ("killed", 613, "613 residents of Khojaly were mercilessly killed"),
        ("wounded", 487, "487 were disabled"),
        ("hostage", 1275, "1,275 civilians were taken hostage"),
        ("missing", 150, "Around 150 people are still missing"),
    ],
)
def test_the_seed_figures_are_the_articles_claims_with_locators(demo, category, value, locator):
    claim = Claim.objects.get(source__import_key="demo:source:seed", figure__category=category)
    assert (claim.figure.low, claim.figure.high) == (value, value)
    assert claim.locator == locator
    assert locator in claim.source.text


def test_every_fact_in_the_file_is_loaded_with_its_source_and_quote(demo):
    rows = FACTS["figures"] + FACTS["events"] + FACTS["documents"]
    assert demo.claims.count() == len(rows)
    for row in rows:
        claim = Claim.objects.get(case=demo, locator=row["quote"])
        assert claim.source.import_key == f"demo:source:{row['source']}"


def test_rows_marked_verify_are_loaded_unverified(demo):
    for row in FACTS["figures"]:
        claim = Claim.objects.get(case=demo, locator=row["quote"])
        expected = "proposed" if row.get("verify") else "verified"
        assert claim.review_status == expected, row["quote"]


def test_loading_twice_duplicates_nothing_and_keeps_user_changes(demo):
    counts = (Source.objects.count(), Claim.objects.count())
    seed = Source.objects.get(import_key="demo:source:seed")
    seed.reliability_grade = "D"
    seed.save()
    Claim.objects.filter(locator="487 were disabled").update(review_status="disputed")
    call_command("load_demo")
    assert (Source.objects.count(), Claim.objects.count()) == counts
    seed.refresh_from_db()
    assert seed.reliability_grade == "D"
    assert Claim.objects.get(locator="487 were disabled").review_status == "disputed"


def test_the_figures_table_keeps_disagreeing_killed_figures_side_by_side(demo, capsys):
    call_command("figures", "khojaly-1992", "--format", "json")
    data = json.loads(capsys.readouterr().out)
    killed = [row["display"] for row in data["figures"] if row["category"] == "killed"]
    assert {"613", "485", "≥ 161", "≥ 200", "500–1,000"} <= set(killed)
    # The verified figures come from the advocacy article, two bodies of one party (a ministry
    # and a district authority: one voice) and a library's calendar page (a secondary summary).
    assert data["summary"]["killed"]["independent_sources"] == 3
    wounded = [row["display"] for row in data["figures"] if row["category"] == "wounded"]
    assert {"487", "1,000"} <= set(wounded)


def test_the_demo_cites_sources_in_azerbaijani_and_russian_like_any_other(demo):
    from vigil.evidence.models import Claim, Source

    for language, quote in [
        ("az", "1000 nəfər müxtəlif yaşlı dinc sakin aldığı güllə yarasından əlil olub"),
        ("ru", "В результате убито 613 человек"),
    ]:
        source = Source.objects.get(case=demo, language=language)
        assert source.url and source.author and source.standing
        claim = Claim.objects.get(source=source, locator=quote)
        assert claim.review_status == Claim.Review.VERIFIED


def test_the_demo_matrix_is_honest_thin_or_gap_and_intent_is_a_gap(demo):
    from vigil.law import matrix
    from vigil.law.models import Crime

    for crime in matrix.considered_crimes(demo):
        for row in matrix.crime_matrix(demo, crime):
            assert row.status in {"thin", "gap"}, row.element.code
            if row.element.kind in ("intent", "contextual"):
                assert row.status == "gap", row.element.code
    genocide = Crime.objects.get(code="RS-6-a")
    assert [row.status for row in matrix.crime_matrix(demo, genocide)] == [
        "thin",
        "thin",
        "gap",
        "gap",
    ]
