import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.conftest import add_reviewed_claim
from tests.law.conftest import evidence
from vigil.law import services
from vigil.law.models import Element

pytestmark = pytest.mark.django_db


def link_many(case, element, n):
    for i in range(n):
        claim = evidence(case, grade="B", standing="ngo" if i % 2 else "court")
        services.link_claim(
            case, claim=claim, element=element, bearing="supports", strength="strong"
        )


def queries_for(client, url):
    client.get(url)  # the first request of a session saves it: count a later one
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_matrix_page_runs_the_same_number_of_queries_for_2_or_30_claims(
    alice_client, case, killing
):
    url = reverse("law:matrix", args=[case.slug, "RS-6-a"])
    link_many(case, killing, 2)
    few = queries_for(alice_client, url)
    link_many(case, killing, 28)
    assert queries_for(alice_client, url) == few


def test_the_comparison_page_does_not_grow_with_claims_either(alice_client, case, killing):
    url = reverse("law:compare", args=[case.slug])
    link_many(case, killing, 2)
    few = queries_for(alice_client, url)
    link_many(case, Element.objects.get(crime__code="RS-7-1-a", number=1), 20)
    assert queries_for(alice_client, url) == few


def test_the_matrix_shows_one_row_per_element_with_its_status(alice_client, case, killing):
    link_many(case, killing, 2)
    page = alice_client.get(reverse("law:matrix", args=[case.slug, "RS-6-a"])).content.decode()
    assert page.count('class="row-') == 4
    assert 'class="row-supported"' in page
    assert page.count('class="row-gap"') == 3


def test_a_cell_opens_the_claims_and_their_sources(alice_client, case, killing):
    claim = evidence(case, title="Memorial report")
    services.link_claim(
        case,
        claim=claim,
        element=killing,
        bearing="supports",
        strength="strong",
        note="names the dead",
    )
    page = alice_client.get(reverse("law:element", args=[case.slug, "RS-6-a", 1])).content.decode()
    assert claim.statement in page
    assert "Memorial report" in page
    assert "names the dead" in page


def test_confidential_evidence_is_not_counted_for_those_who_cannot_see_it(
    bob_client, alice_client, case, killing
):
    from tests.conftest import make_source

    source = make_source(case, text="secret", title="Secret", access_level="confidential")
    claim = add_reviewed_claim(
        source,
        fields={
            "statement": "hidden",
            "claim_type": "act",
            "locator": "p",
            "review_status": "verified",
        },
    )
    services.link_claim(case, claim=claim, element=killing, bearing="supports", strength="strong")
    url = reverse("law:element", args=[case.slug, "RS-6-a", 1])
    assert "Secret" not in bob_client.get(url).content.decode()
    assert "Secret" in alice_client.get(url).content.decode()


def test_a_cell_counts_the_links_each_person_may_see_and_follows_unlinking(
    bob_client, alice_client, case, killing
):
    from tests.conftest import make_source

    link_many(case, killing, 2)
    source = make_source(case, text="secret", title="Secret", access_level="confidential")
    hidden = [
        add_reviewed_claim(
            source,
            fields={"statement": f"hidden {n}", "claim_type": "act", "locator": "p"}
            | {"review_status": "verified"},
        )
        for n in range(2)
    ]
    link = services.link_claim(
        case, claim=hidden[0], element=killing, bearing="contradicts", strength="strong"
    )
    services.link_claim(case, claim=hidden[1], element=killing, bearing="supports", strength="weak")
    url = reverse("law:element", args=[case.slug, "RS-6-a", 1])
    seen_by_bob = bob_client.get(url)
    assert seen_by_bob.context["supporting"].paginator.count == 2
    assert "2 claims" in seen_by_bob.content.decode()
    assert not seen_by_bob.context["contradicting"].object_list
    seen_by_alice = alice_client.get(url)
    assert seen_by_alice.context["supporting"].paginator.count == 3
    assert seen_by_alice.context["contradicting"].paginator.count == 1
    services.unlink(link)
    assert alice_client.get(url).context["contradicting"].paginator.count == 0


def test_the_comparison_groups_the_three_kinds_of_crime(alice_client, case, law):
    page = alice_client.get(reverse("law:compare", args=[case.slug])).content.decode()
    for heading in ["Genocide", "Crime against humanity", "War crime"]:
        assert f"<h2>{heading}</h2>" in page


def test_the_gap_list_on_the_case_page_puts_context_and_intent_first(alice_client, case, killing):
    link_many(case, killing, 1)
    services.set_considered(case, killing.crime, True)
    page = alice_client.get(reverse("cases:detail", args=[case.slug])).content.decode()
    gaps = page[page.index("Gap list") : page.index("Timeline")]
    intent = gaps.index("intended to destroy that group")
    context = gaps.index("manifest pattern")
    group = gaps.index("belonged to a particular")
    killed = gaps.index("killed one or more persons")
    assert max(intent, context) < min(group, killed)


def test_unlinking_removes_the_link(alice_client, case, killing):
    claim = evidence(case)
    link = services.link_claim(
        case, claim=claim, element=killing, bearing="supports", strength="weak"
    )
    alice_client.post(reverse("law:unlink", args=[case.slug, link.pk]))
    assert not claim.element_links.exists()


def test_the_comparison_names_each_status_in_the_reader_s_language(alice_client, case, killing):
    link_many(case, killing, 2)
    url = reverse("law:compare", args=[case.slug])
    page = alice_client.get(url, HTTP_ACCEPT_LANGUAGE="az").content.decode()
    assert '<span class="swatch seg-gap"></span>boşluq</li>' in page  # the legend
    assert 'title="1 dəstəklənir"' in page  # genocide's killing element, in its status bar
    assert '<span class="swatch seg-gap"></span>gap</li>' not in page


def test_a_turkish_heading_starts_with_a_dotted_capital_i(alice_client, case, law):
    url = reverse("law:compare", args=[case.slug])
    page = alice_client.get(url, HTTP_ACCEPT_LANGUAGE="tr").content.decode()
    assert "<h2>İnsanlığa karşı suç</h2>" in page  # "insanlığa karşı suç" in the catalogue
    assert "<h2>Insanlığa" not in page
