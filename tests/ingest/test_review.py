import pytest
from django.urls import reverse

from tests.ingest.test_pipeline import REPORT, ingest
from vigil.evidence.models import Claim, Source
from vigil.ingest import review, verdict_tallies
from vigil.ingest.models import Candidate

pytestmark = pytest.mark.django_db


@pytest.fixture
def ingested(case, tmp_path):
    ingest(case, tmp_path, {"report.txt": REPORT})
    return Source.objects.get()


def test_accepting_a_figure_creates_a_figure_claim_with_the_span_as_locator(alice_client, ingested):
    candidate = ingested.candidates.get(kind="figure")
    alice_client.post(reverse("ingest:accept", args=[ingested.case.slug, candidate.pk]))
    claim = Claim.objects.get()
    assert (claim.figure.category, claim.figure.low, claim.figure.high) == ("killed", 613, 613)
    assert claim.locator.startswith(f"characters {candidate.start}–{candidate.end}")
    assert "613 residents of Khojaly were killed" in claim.statement
    candidate.refresh_from_db()
    assert candidate.status == "accepted" and candidate.claim == claim


def test_accepting_a_date_creates_a_dated_event(alice_client, ingested):
    candidate = ingested.candidates.get(kind="date")
    alice_client.post(reverse("ingest:accept", args=[ingested.case.slug, candidate.pk]))
    claim = Claim.objects.get()
    assert claim.claim_type == "event" and claim.occurred_on.isoformat() == "1992-02-26"
    page = alice_client.get(reverse("evidence:claim", args=[ingested.case.slug, claim.pk]))
    assert b'<time datetime="1992-02-26">' in page.content


def test_bulk_accept_of_a_kind_and_reject(alice_client, ingested):
    url = reverse("ingest:accept_kind", args=[ingested.case.slug, ingested.pk])
    alice_client.post(url, {"kind": "country"})
    assert (
        Claim.objects.filter(claim_type="actor").count()
        == ingested.candidates.filter(kind="country").count()
    )
    legal = ingested.candidates.get(kind="legal_ref")
    alice_client.post(reverse("ingest:reject", args=[ingested.case.slug, legal.pk]))
    legal.refresh_from_db()
    assert legal.status == "rejected"


def test_the_review_page_highlights_each_span(alice_client, ingested):
    page = alice_client.get(reverse("ingest:review", args=[ingested.case.slug, ingested.pk]))
    html = page.content.decode()
    for candidate in ingested.candidates.all():
        assert f'id="span-{candidate.pk}"' in html
    assert "Accept all" in html


def test_a_viewer_cannot_accept_a_candidate(bob_client, ingested):
    candidate = ingested.candidates.first()
    response = bob_client.post(reverse("ingest:accept", args=[ingested.case.slug, candidate.pk]))
    assert response.status_code == 403
    assert Candidate.objects.get(pk=candidate.pk).status == "pending"


def test_a_candidate_can_be_accepted_with_an_edited_statement(alice_client, ingested):
    candidate = ingested.candidates.get(kind="country")
    alice_client.post(
        reverse("ingest:accept", args=[ingested.case.slug, candidate.pk]),
        {"statement": "Pakistan  raised the matter\n at the OIC."},
    )
    claim = Claim.objects.get()
    assert claim.statement == "Pakistan raised the matter at the OIC."
    assert claim.locator.endswith("“Pakistan”")


def test_a_date_whose_year_came_from_elsewhere_says_where():
    from vigil.ingest.extract import dates

    found = dates.find(
        "On the night of February 25-26 the town fell. An inquiry began in March 1992."
    )
    day = next(c for c in found if c.data["value"] == "1992-02-25")
    candidate = Candidate(kind=Candidate.Kind.DATE, text=day.text, data=day.data)
    assert candidate.summary == "1992-02-25 (year from “March 1992”)"


def test_every_candidate_names_the_rule_that_found_it(ingested):
    rules = dict(ingested.candidates.values_list("kind", "data__rule"))
    assert rules == {
        "date": "en.date.day_month_year",
        "figure": "en.figure.category_after",
        "legal_ref": "en.legal.article_of_instrument",
        "country": "en.country.name",
        "organization": "en.organization.gazetteer",
    }


def test_the_ingestion_page_shows_how_reviewers_judged_each_rule(alice_client, ingested):
    figure = ingested.candidates.get(kind="figure")
    alice_client.post(reverse("ingest:accept", args=[ingested.case.slug, figure.pk]))
    for kind in ("date", "country"):
        candidate = ingested.candidates.get(kind=kind)
        alice_client.post(reverse("ingest:reject", args=[ingested.case.slug, candidate.pk]))
    verdicts = verdict_tallies.rule_verdicts(ingested.case)
    # Worst first; the pending legal reference and organisation are not judged yet.
    assert [(v["rule"], v["accepted"], v["rejected"]) for v in verdicts] == [
        ("en.country.name", 0, 1),
        ("en.date.day_month_year", 0, 1),
        ("en.figure.category_after", 1, 0),
    ]
    page = alice_client.get(reverse("ingest:page", args=[ingested.case.slug]))
    html = page.content.decode()
    assert "<td><code>en.figure.category_after</code></td><td>1</td><td>0</td><td>1.00</td>" in html
    assert "<td><code>en.country.name</code></td><td>0</td><td>1</td><td>0.00</td>" in html


def test_the_rule_verdicts_are_one_query(ingested, django_assert_num_queries):
    ingested.candidates.update(status=Candidate.Status.REJECTED)
    case = ingested.case
    with django_assert_num_queries(1):
        verdicts = verdict_tallies.rule_verdicts(case)
    assert sum(v["rejected"] for v in verdicts) == ingested.candidates.count()


def test_a_corrected_text_is_read_again_and_its_pending_candidates_follow_it(
    alice_client, alice, ingested
):
    from vigil.evidence import working_copies

    accepted = ingested.candidates.get(kind="figure")
    review.accept(accepted, user=alice)
    corrected = "A correction made by hand. " + ingested.text
    working_copies.edit_text(ingested, text=corrected, note="a missing line", user=alice)
    pending = list(ingested.candidates.filter(status="pending"))
    assert pending and all(corrected[c.start : c.end][:1000] == c.text for c in pending)
    accepted.refresh_from_db()
    assert accepted.status == "accepted" and accepted.claim.quoted_version == 1
    page = alice_client.get(reverse("ingest:review", args=[ingested.case.slug, ingested.pk]))
    assert page.status_code == 200
    highlighted = {candidate.pk for _text, candidate in page.context["pieces"] if candidate}
    assert accepted.pk not in highlighted  # its span was in version 1
    assert highlighted <= {c.pk for c in pending}
