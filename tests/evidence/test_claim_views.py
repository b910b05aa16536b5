import pytest
from django.urls import reverse

from tests import personas
from tests.conftest import signed_in
from vigil.evidence.models import Claim

pytestmark = pytest.mark.django_db

FIGURE = {
    "statement": "At least 161 civilians were killed",
    "claim_type": "figure",
    "locator": "p. 4",
    "credibility": "2",
    "review_status": "proposed",
    "category": "killed",
    "low": "161",
    "population": "civilians",
}


def add(client, source, **overrides):
    url = reverse("evidence:claim_add", args=[source.case.slug, source.pk])
    return client.post(url, {**FIGURE, **overrides})


def test_it_records_a_figure_claim_from_the_form(alice_client, source):
    response = add(alice_client, source)
    claim = Claim.objects.get()
    assert response.url == source.get_absolute_url()
    assert claim.figure.low == 161 and claim.figure.high is None
    assert claim.credibility == 2


def test_one_value_is_stored_as_an_exact_figure(alice_client, source):
    add(alice_client, source, low="", value="613")
    assert Claim.objects.get().figure.display == "613"


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"low": "300", "high": "200"}, "is above the high end"),
        ({"low": "", "value": ""}, "at least one end of a range"),
        ({"value": "5"}, "either one value or a range"),
        ({"category": ""}, "needs its category"),
        ({"credibility": "9"}, "Select a valid choice"),
        ({"locator": ""}, "This field is required"),
        ({"claim_type": "event", "occurred": ""}, "A dated event needs its date."),
    ],
)
def test_bad_claims_are_refused_with_a_message(alice_client, source, overrides, message):
    response = add(alice_client, source, **overrides)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Claim.objects.exists()


@pytest.fixture
def dora_client(django_user_model, case):
    """A second researcher of the test case, to review what alice records."""
    return signed_in(personas.dora(case))


def test_the_review_queue_lists_proposed_claims_and_verifying_removes_them(
    alice_client, dora_client, source
):
    add(alice_client, source)
    claim = Claim.objects.get()
    queue = reverse("evidence:review_queue", args=[source.case.slug])
    assert "At least 161 civilians were killed" in alice_client.get(queue).content.decode()
    dora_client.post(
        reverse("evidence:claim_review", args=[source.case.slug, claim.pk]), {"status": "verified"}
    )
    claim.refresh_from_db()
    assert claim.review_status == "verified" and claim.reviewed_by.username == "dora"
    assert "At least 161 civilians were killed" not in alice_client.get(queue).content.decode()


def test_the_figures_table_shows_the_figure_with_its_source_and_locator(
    alice_client, dora_client, source
):
    add(alice_client, source)
    dora_client.post(
        reverse("evidence:claim_review", args=[source.case.slug, Claim.objects.get().pk]),
        {"status": "verified"},
    )
    page = alice_client.get(reverse("evidence:figures", args=[source.case.slug])).content.decode()
    assert "≥ 161" in page
    assert source.title in page
    assert "p. 4" in page
    assert "Independent sources" in page


def test_the_figures_table_marks_a_quote_with_its_sources_language(
    alice_client, dora_client, source
):
    source.language = "ur"
    source.save()
    add(alice_client, source, locator="ص ۴")
    dora_client.post(
        reverse("evidence:claim_review", args=[source.case.slug, Claim.objects.get().pk]),
        {"status": "verified"},
    )
    page = alice_client.get(reverse("evidence:figures", args=[source.case.slug])).content.decode()
    # A screen reader reads the quote in Urdu, and the browser lays it out right to left.
    assert '<q class="locator" lang="ur" dir="rtl">ص ۴</q>' in page


def test_editing_a_claim_keeps_its_figure_in_the_form(alice_client, source):
    add(alice_client, source, low="", value="613")
    claim = Claim.objects.get()
    page = alice_client.get(reverse("evidence:claim_edit", args=[source.case.slug, claim.pk]))
    assert 'name="value" value="613"' in page.content.decode()


def test_the_claim_form_names_its_source_as_a_link_in_one_sentence(alice_client, source):
    source.title = "Report <on> Khojaly"
    source.save(update_fields=["title"])
    url = reverse("evidence:claim_add", args=[source.case.slug, source.pk])
    page = alice_client.get(url).content.decode()
    link = f'<a href="{source.get_absolute_url()}">Report &lt;on&gt; Khojaly</a>'
    assert f"<p>From {link}</p>" in page


def test_the_review_queue_runs_by_source_title_then_source_then_claim_and_counts_them_all(
    alice_client, case
):
    from tests.conftest import add_reviewed_claim, make_source
    from vigil.paging import PAGE_SIZE

    zulu = make_source(case, text="z", title="Zulu report")
    alpha = [make_source(case, text=f"a{n}", title="Alpha report") for n in range(2)]
    made = {}
    for n, source in enumerate([zulu, alpha[1], alpha[0]] * (PAGE_SIZE // 2)):
        fields = {"statement": f"claim {n:03d}", "claim_type": "act", "locator": "p. 1"}
        claim = add_reviewed_claim(source, fields={**fields, "review_status": "proposed"})
        made.setdefault(source.pk, []).append(claim.pk)
    add_reviewed_claim(zulu, fields={**fields, "review_status": "verified"})  # not in the queue
    url = reverse("evidence:review_queue", args=[case.slug])
    pages = [alice_client.get(url, {"page": n}).context["page"] for n in (1, 2)]
    shown = [claim.pk for page in pages for claim in page.object_list]
    assert shown == made[alpha[0].pk] + made[alpha[1].pk] + made[zulu.pk]
    assert (
        pages[0].paginator.count
        == len(shown)
        == Claim.objects.filter(review_status="proposed").count()
    )
