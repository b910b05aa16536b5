"""The source picker's endpoint: one bounded page of the case's sources that match, as JSON."""

import pytest
from django.urls import reverse

from tests.conftest import make_source
from vigil.cases.models import Case
from vigil.evidence import source_picker
from vigil.evidence.source_picker import matching_sources

pytestmark = pytest.mark.django_db


def choices(client, case, **params):
    response = client.get(reverse("evidence:source_choices", args=[case.slug]), params)
    assert response.status_code == 200
    return response.json()


def test_it_finds_sources_by_every_word_of_their_title(alice_client, case):
    wanted = make_source(case, text="a", title="Senate resolution on the massacre")
    make_source(case, text="b", title="Senate hearing")
    found = choices(alice_client, case, q="senate MASSACRE")
    assert [row["id"] for row in found["results"]] == [wanted.pk]
    assert found["results"][0]["title"] == "Senate resolution on the massacre"
    assert found["results"][0]["url"] == wanted.get_absolute_url()
    assert found["more"] is False


def test_it_finds_a_source_by_its_number(alice_client, case):
    make_source(case, text="a", title="First report")
    second = make_source(case, text="b", title="Second report")
    found = choices(alice_client, case, q=str(second.pk))
    assert [row["id"] for row in found["results"]] == [second.pk]


def test_it_answers_one_bounded_page_and_says_more_exist(alice_client, case):
    size = source_picker.CHOICES_PAGE_SIZE
    for number in reversed(range(size + 2)):
        make_source(case, text=str(number), title=f"Report {number:03}")
    first = choices(alice_client, case, q="report")
    assert [row["title"] for row in first["results"]] == [f"Report {n:03}" for n in range(size)]
    assert first["more"] is True
    second = choices(alice_client, case, q="report", page=2)
    assert [row["title"] for row in second["results"]] == [
        f"Report {size:03}",
        f"Report {size + 1:03}",
    ]
    assert second["more"] is False


def test_it_offers_no_source_of_another_case(alice_client, case):
    other = Case.objects.create(slug="other", title="Other case", place="Elsewhere")
    make_source(other, text="x", title="Report elsewhere")
    assert choices(alice_client, case, q="report")["results"] == []


def test_it_offers_no_confidential_source_to_a_viewer(bob_client, case):
    make_source(case, text="x", title="Witness list", access_level="confidential")
    assert choices(bob_client, case, q="witness")["results"] == []


def test_an_outsider_gets_nothing(client, django_user_model, case):
    make_source(case, text="x", title="Report")
    client.force_login(django_user_model.objects.create_user("eve", password="x"))
    response = client.get(reverse("evidence:source_choices", args=[case.slug]), {"q": "report"})
    assert response.status_code == 404


def test_matching_sources_reads_a_page_past_the_end_as_empty(case):
    make_source(case, text="a", title="Report")
    assert matching_sources(case.sources.all(), "report", page=3) == ([], False)
