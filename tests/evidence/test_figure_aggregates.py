"""The figures' summaries come from aggregate queries and equal what reading every figure gives;
the figures page shows each category's figures a page at a time."""

import random
import statistics

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.conftest import make_source
from tests.evidence.test_claims import figure_claim
from vigil.evidence.figures import figure_summaries
from vigil.evidence.models import Claim, Figure
from vigil.evidence.views import FIGURES_PER_PAGE

pytestmark = pytest.mark.django_db

SIDES = ["", "Azerbaijan", "azerbaijan ", "Armenia", "Azərbaycan", " AZƏRBAYCAN"]


def figure_by_figure(case) -> dict[str, dict]:
    """The summaries as computed when every verified figure is loaded into Python: the reference."""
    verified = Figure.objects.filter(claim__case=case, claim__review_status="verified")
    by_category: dict[str, list[Figure]] = {}
    for figure in verified.select_related("claim__source"):
        by_category.setdefault(figure.category, []).append(figure)
    summaries = {}
    for category, figures in by_category.items():
        lows = [f.low for f in figures if f.low is not None]
        highs = [f.high for f in figures if f.high is not None]
        summaries[category] = {
            "count": len(figures),
            "lowest": min(lows, default=None),
            "highest": max(highs, default=None),
            "open_ended": any(f.high is None for f in figures),
            "median": statistics.median(f.central_value for f in figures),
            "independent_sources": len({f.claim.source.independence_key for f in figures}),
        }
    return summaries


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_each_summary_equals_reading_every_figure(case, seed):
    chance = random.Random(seed)
    sources = [
        make_source(
            case,
            text=f"report {n}",
            title=f"Report {n}",
            standing=chance.choice(["ngo", "party", "press", "court"]),
            side=chance.choice(SIDES),
        )
        for n in range(8)
    ]
    for _ in range(chance.randint(20, 45)):
        low = chance.choice([None, chance.randint(0, 900)])
        high = chance.choice([None, (low or 0) + chance.randint(0, 700)])
        if low is None and high is None:
            low = chance.randint(0, 900)
        figure_claim(
            chance.choice(sources),
            low,
            high,
            category=chance.choice(["killed", "wounded", "missing", "hostage"]),
            status=chance.choice(["verified", "verified", "proposed", "rejected"]),
        )
    expected = figure_by_figure(case)
    assert expected
    assert figure_summaries(Claim.objects.filter(case=case)) == expected


def test_a_median_of_an_even_count_is_the_mean_of_the_middle_two(case):
    source = make_source(case, text="doc")
    for low, high in [(10, 10), (100, 300), (161, None), (None, 5000)]:
        figure_claim(source, low, high, status="verified")
    # Central values 10, 161, 200, 5000: the middle two are 161 and 200.
    assert figure_summaries(Claim.objects.filter(case=case))["killed"]["median"] == 180.5


def test_the_summaries_take_the_same_queries_for_few_or_many_figures(case):
    source = make_source(case, text="doc")
    figure_claim(source, 1, 1, status="verified")
    with CaptureQueriesContext(connection) as few:
        figure_summaries(Claim.objects.filter(case=case))
    for n in range(30):
        figure_claim(source, n, n + 5, category=["killed", "wounded"][n % 2], status="verified")
    with CaptureQueriesContext(connection) as many:
        figure_summaries(Claim.objects.filter(case=case))
    assert len(many) == len(few) == 2


def test_each_category_shows_its_figures_a_page_at_a_time(alice_client, case):
    source = make_source(case, text="doc", title="Ministry report")
    for n in range(FIGURES_PER_PAGE + 2):
        figure_claim(source, 1000 + n, 1000 + n, status="verified")
    figure_claim(source, 7, 7, category="wounded", status="verified")
    url = reverse("evidence:figures", args=[case.slug])
    first = alice_client.get(url)
    groups = {group.category: group for group in first.context["table"]}
    assert [f.low for f in groups["killed"].figures] == list(range(1000, 1000 + FIGURES_PER_PAGE))
    assert groups["killed"].summary["count"] == FIGURES_PER_PAGE + 2
    assert groups["killed"].summary["lowest"] == 1000
    assert "killed_page=2" in first.content.decode()
    assert (
        f"Showing figures 1–{FIGURES_PER_PAGE} of {FIGURES_PER_PAGE + 2}, lowest first"
        in first.content.decode()
    )
    assert [f.low for f in groups["wounded"].figures] == [7]
    second = alice_client.get(url, {"killed_page": 2})
    killed = next(group for group in second.context["table"] if group.category == "killed")
    assert [f.low for f in killed.figures] == [1000 + FIGURES_PER_PAGE, 1001 + FIGURES_PER_PAGE]
    junk = alice_client.get(url, {"killed_page": "junk"})
    killed = next(group for group in junk.context["table"] if group.category == "killed")
    assert killed.figures[0].low == 1000
