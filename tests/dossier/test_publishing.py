"""Publishing is its own step: nothing reaches the public site, the open data, the feed or the
dossier because it was verified; a researcher publishes it and can withdraw it, both audited, and
the public pages show the change at once. The public summary states only published figures."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests import personas
from tests.conftest import add_reviewed_claim, make_source
from vigil.audit.models import AuditEntry
from vigil.dossier import public, publishing
from vigil.recognition import services as recognition_services
from vigil.recognition.models import Actor

pytestmark = pytest.mark.django_db

FIGURE = {"statement": "613 killed", "claim_type": "figure", "locator": "p. 4"}


def public_page(client, case) -> str:
    response = client.get(reverse("public_case", args=[case.slug]))
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def verified(published):
    """A verified figure claim from a public, not yet published, source of the public case."""
    source = make_source(published, text="613 were killed.", title="Memorial Report")
    return add_reviewed_claim(
        source,
        fields={**FIGURE, "review_status": "verified"},
        figure={"category": "killed", "low": 613, "high": 613},
    )


def test_a_verified_claim_is_not_public_until_a_researcher_publishes_it(client, verified):
    case = verified.case
    assert verified not in public.public_claims(case)
    assert "Memorial Report" not in public_page(client, case)
    plan = publishing.publish_claims(case, [verified])
    assert plan.claims == [verified] and plan.sources == [verified.source]
    assert verified in public.public_claims(case)
    assert "Memorial Report" in public_page(client, case)


def test_withdrawing_takes_it_off_the_public_page_at_once(client, verified):
    case = verified.case
    publishing.publish_claims(case, [verified])
    assert "Memorial Report" in public_page(client, case)  # now stored in the cache
    publishing.withdraw(verified.source)
    assert verified not in public.public_claims(case)
    assert "Memorial Report" not in public_page(client, case)


def test_publishing_and_withdrawing_are_in_the_audit_log(verified):
    publishing.publish_claims(verified.case, [verified])
    publishing.withdraw(verified)
    changes = [
        entry.changes["published_at"]
        for entry in AuditEntry.objects.filter(model_label="evidence.Claim", object_pk=verified.pk)
        if "published_at" in entry.changes
    ]
    assert changes[0][0] is None and changes[0][1] is not None
    assert changes[1][1] is None


def test_only_verified_claims_from_public_sources_can_be_published(published):
    proposed = published.claims.get(review_status="proposed")
    confidential = published.claims.get(source__access_level="confidential")
    for claim in (proposed, confidential):
        with pytest.raises(ValidationError):
            publishing.publish_claims(published, [claim])
        assert not claim.__class__.objects.get(pk=claim.pk).is_published


def test_a_dispute_withdraws_a_published_claim(published, django_user_model):
    claim = public.public_claims(published).first()
    reviewer = django_user_model.objects.get(username="claim-reviewer")
    from vigil.evidence import services

    services.review_claim(claim, status="disputed", user=reviewer, note="Misread the table.")
    claim.refresh_from_db()
    assert not claim.is_published and claim not in public.public_claims(published)


def test_a_verified_act_is_public_only_once_published(published):
    act = recognition_services.record_act(
        published,
        fields={
            "actor": Actor.objects.get(kind="state", country_code="TUR"),
            "date": datetime.date(2010, 1, 1),
            "instrument": "statement",
            "characterisation": "massacre",
            "wording": "the massacre in the town",
            "status": "adopted",
            "review": "verified",
        },
    )
    assert act not in public.public_acts(published)
    publishing.publish_act(act)
    assert act in public.public_acts(published)
    publishing.withdraw(act)
    assert act not in public.public_acts(published)


def test_an_unverified_act_cannot_be_published(published):
    act = published.recognition_acts.get(review="unverified")
    with pytest.raises(ValidationError):
        publishing.publish_act(act)


def test_the_summary_naming_a_figure_no_published_figure_shows_is_named_and_refused(
    verified, alice_client
):
    case = verified.case
    assert publishing.summary_mismatches(case, "In all, 613 people were killed in 1992.") == [613]
    assert publishing.summary_mismatches(case, "At least 161 killed, 200 dead.") == []
    response = alice_client.post(
        reverse("cases:edit", args=[case.slug]),
        {
            "title": case.title,
            "slug": case.slug,
            "place": case.place,
            "country_code": "AZE",
            "summary": "The report counts 613 killed.",
            "is_public": "on",
        },
    )
    assert "states 613, but no published figure shows it" in response.content.decode()
    case.refresh_from_db()
    assert "613" not in case.summary


def test_publishing_is_refused_while_the_summary_states_an_unpublished_figure(verified):
    case = verified.case
    case.summary = "The report counts 1,275 killed."
    case.save()
    with pytest.raises(ValidationError, match="1,275"):
        publishing.publish_claims(case, [verified])
    assert not verified.source.__class__.objects.get(pk=verified.source.pk).is_published


def test_the_review_screen_shows_exactly_what_becomes_public_before_publishing(
    client, alice_client, verified
):
    case = verified.case
    url = reverse("dossier:publish_review", args=[case.slug])
    assert "613 killed" in alice_client.get(url).content.decode()
    preview = alice_client.post(url, {"claim": [verified.pk]}).content.decode()
    assert "613 killed" in preview and "Memorial Report" in preview
    assert verified not in public.public_claims(case)  # the preview publishes nothing
    alice_client.post(url, {"claim": [verified.pk], "confirm": "1"})
    assert verified in public.public_claims(case)
    assert "Memorial Report" in public_page(client, case)


def test_a_viewer_cannot_publish(client, django_user_model, verified):
    from tests.conftest import signed_in

    viewer = personas.bob(verified.case)
    response = signed_in(viewer).post(
        reverse("dossier:publish", args=[verified.case.slug, "claim", verified.pk])
    )
    assert response.status_code in (403, 404)
    assert verified not in public.public_claims(verified.case)


def test_a_self_verified_figure_says_so_on_the_public_page_and_in_the_dossier(
    settings, client, published, alice
):
    from vigil.dossier.content import build_content
    from vigil.dossier.render import render_html
    from vigil.evidence import services

    settings.REVIEWERS = 1
    source = make_source(published, text="613 were killed.", title="Memorial Report")
    claim = services.add_claim(
        source,
        fields={**FIGURE, "review_status": "verified"},
        figure={"category": "killed", "low": 613, "high": 613},
        user=alice,
    )
    publishing.publish_claims(published, [claim], user=alice)
    assert "(self-verified)" in public_page(client, published)
    assert "(self-verified)" in render_html(build_content(published))


def test_the_review_screen_lists_the_claims_awaiting_publication_page_by_page(alice_client, case):
    from vigil.paging import PAGE_SIZE

    source = make_source(case, text="report", title="Long report")
    claims = [
        add_reviewed_claim(
            source,
            fields={
                "statement": f"Statement {n}",
                "claim_type": "other",
                "locator": f"p. {n}",
                "review_status": "verified",
            },
        )
        for n in range(PAGE_SIZE + 2)
    ]
    url = reverse("dossier:publish_review", args=[case.slug])
    first = alice_client.get(url).content.decode()
    second = alice_client.get(url, {"page": 2}).content.decode()
    assert first.count('name="claim"') == PAGE_SIZE
    assert second.count('name="claim"') == 2
    assert f'value="{claims[-1].pk}"' in second
    alice_client.post(url, {"claim": [claims[-1].pk], "confirm": "1"})
    assert claims[-1] in public.public_claims(case)


def test_publishing_says_how_many_claims_and_sources_in_the_language_s_plural(
    alice_client, verified
):
    url = reverse("dossier:publish_review", args=[verified.case.slug])
    response = alice_client.post(url, {"claim": [verified.pk], "confirm": "1"}, follow=True)
    [message] = [str(m) for m in response.context["messages"]]
    assert message == "Published 1 claim and 1 source."
