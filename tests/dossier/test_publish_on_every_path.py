"""Nothing reaches the public page, the feed, the open data or the dossier because it was verified,
whichever way it was verified: an import from the command line, ingestion's accept and review, the
API. Only publishing makes it public, and `vigil publish` does so from the command line under the
same rules as the page, acting as a named researcher, audited."""

import csv
import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from tests import personas
from tests.api.conftest import token_client
from tests.conftest import add_reviewed_claim, body, make_source
from tests.ingest.test_pipeline import REPORT, ingest
from tests.personas import give_role
from vigil.audit.models import AuditEntry
from vigil.dossier.builder import build_bytes
from vigil.evidence import services
from vigil.evidence.models import Claim, Source
from vigil.ingest import review
from vigil.recognition.importer import COLUMNS
from vigil.recognition.models import Actor, RecognitionAct

pytestmark = pytest.mark.django_db

STATEMENT = {"statement": "Ninety-nine houses burned", "claim_type": "other", "locator": "p. 9"}


def everything_public(client, case) -> str:
    """What the public page, the feed, the open data and the dossier show of the case."""
    urls = [reverse("public_case", args=[case.slug]), reverse("public_feed", args=[case.slug])]
    for dataset in ("recognitions", "figures", "sources"):
        urls.append(reverse("public_data", args=[case.slug, dataset, "json"]))
    shown = []
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        shown.append(body(response))
    return "\n".join(shown) + build_bytes(case, "html").decode()


@pytest.fixture
def dora(published):
    """A second researcher of the case, so that claims can be verified by two people."""
    return personas.dora(published)


@pytest.fixture
def public_source(published, alice):
    source = make_source(published, text="Ninety-nine houses burned.", title="Fire Survey")
    call_command(
        "publish", published.slug, "source", str(source.pk), "--as", "alice", stdout=io.StringIO()
    )
    return source


def test_acts_imported_as_verified_from_the_command_line_stay_off_the_public_site(
    client, published, tmp_path
):
    row = {
        **dict.fromkeys(COLUMNS, ""),
        "country": "PER",
        "date": "2013-05-02",
        "instrument": "resolution",
        "characterisation": "genocide",
        "wording": "an imported wording never published",
        "status": "adopted",
        "verified": "yes",
    }
    path = tmp_path / "acts.csv"
    with path.open("w", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerow(row)
    call_command("import_recognitions", published.slug, str(path), stdout=io.StringIO())
    act = RecognitionAct.objects.get(wording="an imported wording never published")
    assert act.review == "verified" and not act.is_published
    assert "an imported wording never published" not in everything_public(client, published)


def test_claims_accepted_from_ingestion_and_verified_stay_off_the_public_site(
    client, published, alice, dora, tmp_path
):
    ingest(published, tmp_path, {"report.txt": REPORT})
    source = Source.objects.get(title="report")
    services.update_source(source, changes={"access_level": "public"}, user=alice)
    candidate = source.candidates.filter(kind="figure").first()
    claim = review.accept(candidate, user=alice)
    services.review_claim(claim, status="verified", user=dora)
    claim.refresh_from_db()
    assert claim.review_status == "verified" and not claim.is_published
    assert claim.statement not in everything_public(client, published)


def test_what_the_api_verifies_stays_off_the_public_site(
    client, published, public_source, alice, dora
):
    claim = services.add_claim(public_source, fields=STATEMENT, user=alice)
    api = token_client(dora)
    answer = api.post(
        f"/api/v1/cases/{published.slug}/claims/{claim.pk}/reviews",
        data=json.dumps({"status": "verified", "note": ""}),
        content_type="application/json",
    )
    assert answer.status_code == 201 and answer.json()["review_status"] == "verified"
    act = {
        "actor": Actor.objects.get(kind="state", country_code="CHL").pk,
        "date": "2014",
        "instrument": "resolution",
        "characterisation": "massacre",
        "wording": "an API wording never published",
        "status": "adopted",
        "review": "verified",
    }
    answer = api.post(
        f"/api/v1/cases/{published.slug}/recognition-acts",
        data=json.dumps(act),
        content_type="application/json",
    )
    assert answer.status_code == 201
    shown = everything_public(client, published)
    assert STATEMENT["statement"] not in shown and "an API wording never published" not in shown


def test_vigil_publish_publishes_a_verified_claim_as_the_named_researcher_and_withdraws_it(
    client, published, public_source, alice, dora
):
    claim = add_reviewed_claim(public_source, fields={**STATEMENT, "review_status": "verified"})
    out = io.StringIO()
    call_command("publish", published.slug, "claim", str(claim.pk), "--as", "alice", stdout=out)
    assert "1 claim published." in out.getvalue()
    claim.refresh_from_db()
    assert claim.published_by == alice
    assert STATEMENT["statement"] in everything_public(client, published)
    entry = AuditEntry.objects.filter(model_label="evidence.Claim", object_pk=str(claim.pk)).last()
    assert entry.actor == alice and "published_at" in entry.changes

    call_command(
        "publish", published.slug, "claim", str(claim.pk), "--as", "dora", "--withdraw", stdout=out
    )
    claim.refresh_from_db()
    assert not claim.is_published
    assert STATEMENT["statement"] not in everything_public(client, published)
    entry = AuditEntry.objects.filter(model_label="evidence.Claim", object_pk=str(claim.pk)).last()
    assert entry.actor == dora and entry.changes["published_at"][1] is None


def test_vigil_publish_refuses_a_claim_not_verified_and_changes_nothing(
    published, public_source, alice
):
    verified = add_reviewed_claim(public_source, fields={**STATEMENT, "review_status": "verified"})
    proposed = services.add_claim(public_source, fields=STATEMENT, user=alice)
    with pytest.raises(CommandError, match="Only a verified claim can be published"):
        call_command(
            "publish", published.slug, "claim", str(verified.pk), str(proposed.pk), "--as", "alice"
        )
    assert not Claim.objects.filter(pk__in=[verified.pk, proposed.pk], published_at__isnull=False)


def test_vigil_publish_refuses_a_claim_its_author_alone_verified_once_two_people_are_needed(
    published, public_source, alice, settings
):
    settings.REVIEWERS = 1
    claim = services.add_claim(public_source, fields=STATEMENT, user=alice)
    services.review_claim(claim, status="verified", user=alice)
    settings.REVIEWERS = 2
    with pytest.raises(CommandError, match="verified by its author alone"):
        call_command("publish", published.slug, "claim", str(claim.pk), "--as", "alice")
    claim.refresh_from_db()
    assert claim.review_status == "verified" and not claim.is_published


def test_vigil_publish_refuses_someone_who_is_not_a_researcher_of_the_case(
    published, public_source, bob
):
    claim = add_reviewed_claim(public_source, fields={**STATEMENT, "review_status": "verified"})
    give_role(bob, published, "viewer")
    with pytest.raises(CommandError, match="bob is not a researcher"):
        call_command("publish", published.slug, "claim", str(claim.pk), "--as", "bob")
    with pytest.raises(CommandError, match="no active account named 'nobody'"):
        call_command("publish", published.slug, "claim", str(claim.pk), "--as", "nobody")
    claim.refresh_from_db()
    assert not claim.is_published


def test_vigil_publish_with_no_id_publishes_every_claim_awaiting_and_a_dry_run_changes_nothing(
    published, public_source, alice
):
    claims = [
        add_reviewed_claim(
            public_source,
            fields={**STATEMENT, "statement": f"Claim {n}", "review_status": "verified"},
        )
        for n in range(3)
    ]
    out = io.StringIO()
    call_command("publish", published.slug, "claim", "--as", "alice", "--dry-run", stdout=out)
    assert all(f"would publish: claim {c.pk}" in out.getvalue() for c in claims)
    assert not Claim.objects.filter(pk__in=[c.pk for c in claims], published_at__isnull=False)
    call_command("publish", published.slug, "claim", "--as", "alice", stdout=out)
    assert Claim.objects.filter(pk__in=[c.pk for c in claims], published_by=alice).count() == 3


def test_vigil_publish_publishes_a_verified_act_and_refuses_an_unverified_one(
    client, published, alice
):
    from tests.recognition.conftest import act, state

    verified = act(published, state("URY"), review="verified")
    unverified = act(published, state("PRY"), review="unverified")
    with pytest.raises(CommandError, match="Only a verified recognition act"):
        call_command("publish", published.slug, "act", str(unverified.pk), "--as", "alice")
    call_command(
        "publish", published.slug, "act", str(verified.pk), "--as", "alice", stdout=io.StringIO()
    )
    verified.refresh_from_db()
    unverified.refresh_from_db()
    assert verified.published_by == alice and not unverified.is_published


def test_the_api_publishes_under_the_same_rules_as_the_page_and_withdraws(
    client, published, public_source, alice, dora
):
    verified = add_reviewed_claim(public_source, fields={**STATEMENT, "review_status": "verified"})
    proposed = services.add_claim(public_source, fields=STATEMENT, user=alice)
    api = token_client(dora)
    path = f"/api/v1/cases/{published.slug}"
    body = {"kind": "claim", "ids": [verified.pk, proposed.pk]}
    refused = api.post(f"{path}/publications", json.dumps(body), content_type="application/json")
    assert refused.status_code == 422 and "Only a verified claim" in refused.content.decode()
    assert STATEMENT["statement"] not in everything_public(client, published)

    body = {"kind": "claim", "ids": [verified.pk]}
    answer = api.post(f"{path}/publications", json.dumps(body), content_type="application/json")
    assert answer.status_code == 200 and answer.json()["ids"] == [verified.pk]
    verified.refresh_from_db()
    assert verified.published_by == dora
    assert STATEMENT["statement"] in everything_public(client, published)

    answer = api.post(f"{path}/withdrawals", json.dumps(body), content_type="application/json")
    assert answer.status_code == 200
    assert STATEMENT["statement"] not in everything_public(client, published)
    entry = AuditEntry.objects.filter(model_label="evidence.Claim", object_pk=str(verified.pk))
    assert entry.last().actor == dora
