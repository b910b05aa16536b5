"""The public page of a case is light and reads as stacked rows on a phone."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.conftest import add_reviewed_claim
from vigil.recognition.worldmap import shapes_version

pytestmark = pytest.mark.django_db


def test_the_public_page_fetches_the_map_s_shapes_instead_of_carrying_them(client, published):
    response = client.get(reverse("public_case", args=[published.slug]))
    page = response.content.decode()
    assert reverse("worldmap_shapes", args=[shapes_version()]) + "#PAK" in page
    assert "<path" not in page
    assert len(response.content) < 100_000  # it weighed 1.1 MB with the shapes inline


def test_each_cell_of_the_public_tables_carries_its_column_name_for_a_phone(client, published):
    page = client.get(reverse("public_case", args=[published.slug])).content.decode()
    assert page.count('<table class="stack">') == 2  # the figures (one category) and the acts
    assert '<td data-label="Locator"><q class="locator">page 12, paragraph 3</q>' in page
    assert '<td data-label="Actor">Pakistan</td>' in page


def test_the_open_data_list_names_each_dataset_in_the_reader_s_language(client, published):
    with translation.override("ru"):
        page = client.get(reverse("public_case", args=[published.slug])).content.decode()
    data = page[page.index('id="data"') :]
    assert "<li>Источники: <a" in data
    assert "<li>Числа: <a" in data
    assert f"/p/{published.slug}/data/sources.csv" in data  # the file keeps its English name


def test_the_public_map_is_named_in_the_reader_s_language(client, published):
    with translation.override("ru"):
        page = client.get(reverse("public_case", args=[published.slug])).content.decode()
    assert 'class="worldmap" viewBox=' in page
    assert 'aria-label="Признание по государствам"' in page


def test_a_case_with_many_published_figures_and_acts_shows_them_a_page_at_a_time(
    client, published, django_assert_max_num_queries
):
    source = published.sources.get(title="Daily Paper 1994")
    for n in range(12):
        add_reviewed_claim(
            source,
            fields={
                "statement": f"{300 + n} were killed",
                "claim_type": "figure",
                "locator": f"column {n}",
                "review_status": "verified",
            },
            figure={"category": "killed", "low": 300 + n, "high": 300 + n},
            publish=True,
        )
    address = reverse("public_case", args=[published.slug])
    first = client.get(address).content.decode()
    # 14 published killed figures: the lowest ten here, the other four on the next page.
    assert "column 7" in first and "column 8" not in first
    assert "Showing figures 1–10 of 14, lowest first" in first
    second = client.get(address, {"killed_page": 2}).content.decode()
    assert "column 8" in second and "column 11" in second and "column 7" not in second
    with django_assert_max_num_queries(25):  # a page asked with a query string is made afresh
        client.get(address, {"killed_page": 2})
