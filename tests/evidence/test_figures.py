import pytest

from tests.conftest import make_source
from tests.evidence.test_claims import figure_claim
from vigil.evidence.figures import FIGURE_COLUMNS, figure_rows, figures_table
from vigil.evidence.models import Claim

pytestmark = pytest.mark.django_db


def table_for(case):
    return {group.category: group for group in figures_table(Claim.objects.filter(case=case))}


def test_every_sources_figure_appears_side_by_side(case):
    ngo = make_source(case, text="ngo report", title="NGO", standing="ngo")
    party = make_source(case, text="party report", title="Party", standing="party", side="A")
    figure_claim(ngo, 161, None, status="verified")
    figure_claim(party, 613, 613, status="verified")
    killed = table_for(case)["killed"]
    assert [f.display for f in killed.figures] == ["≥ 161", "613"]
    assert [f.claim.source.title for f in killed.figures] == ["NGO", "Party"]


def test_the_summary_gives_the_spread_of_verified_figures_only(case):
    ngo = make_source(case, text="ngo report", title="NGO", standing="ngo")
    party = make_source(case, text="party report", title="Party", standing="party", side="A")
    figure_claim(ngo, 200, 300, status="verified")
    figure_claim(party, 613, 613, status="verified")
    figure_claim(party, 5000, 5000, status="proposed")
    summary = table_for(case)["killed"].summary
    assert summary["count"] == 2
    assert summary["lowest"] == 200
    assert summary["highest"] == 613
    assert summary["median"] == (250 + 613) / 2
    assert summary["independent_sources"] == 2
    assert summary["open_ended"] is False


def test_an_open_range_is_flagged_in_the_summary(case):
    ngo = make_source(case, text="ngo report", title="NGO", standing="ngo")
    figure_claim(ngo, 161, None, status="verified")
    summary = table_for(case)["killed"].summary
    assert summary["highest"] is None
    assert summary["open_ended"] is True


def test_sources_of_the_same_standing_and_side_count_once(case):
    one = make_source(case, text="first", title="Ministry", standing="party", side="Azerbaijan")
    two = make_source(case, text="second", title="Agency", standing="party", side="azerbaijan ")
    figure_claim(one, 613, 613, status="verified")
    figure_claim(two, 613, 613, status="verified")
    assert table_for(case)["killed"].summary["independent_sources"] == 1


def test_rejected_figures_are_left_out_and_categories_kept_apart(case):
    source = make_source(case, text="doc")
    figure_claim(source, 10, 10, status="rejected")
    figure_claim(source, 1275, 1275, category="hostage", status="verified")
    table = table_for(case)
    assert "killed" not in table
    assert table["hostage"].summary["lowest"] == 1275


def test_the_figures_export_gives_the_tables_rows_in_its_order_without_rejected_ones(case):
    ngo = make_source(case, text="ngo report", title="NGO", standing="ngo")
    party = make_source(case, text="party report", title="Party", standing="party", side="A")
    figure_claim(ngo, 50, 60, category="displaced", status="verified")
    figure_claim(party, 613, 613, status="proposed")
    figure_claim(ngo, 161, None, status="verified")
    figure_claim(party, 9, 9, status="rejected")
    rows = list(figure_rows(Claim.objects.filter(case=case)))
    # Categories as they are defined (killed before displaced), lowest first within each.
    assert [(row["category"], row["display"], row["source"]) for row in rows] == [
        ("killed", "≥ 161", "NGO"),
        ("killed", "613", "Party"),
        ("displaced", "50–60", "NGO"),
    ]
    assert all(set(row) == set(FIGURE_COLUMNS) for row in rows)
