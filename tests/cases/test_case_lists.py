"""The case list and the case page count in the database and page what they list: the cases, and
the case's timeline of dated events."""

import datetime

import pytest
from django.urls import reverse

from tests.conftest import add_reviewed_claim, make_source, signed_in
from vigil.cases.models import Case, CaseMembership
from vigil.evidence.models import Claim, Source
from vigil.paging import PAGE_SIZE

pytestmark = pytest.mark.django_db


def claim(source, number, *, status="verified", kind="act", day=None):
    fields = {
        "statement": f"Statement {number:03d}",
        "claim_type": kind,
        "locator": f"p. {number}",
        "review_status": status,
    }
    if day is not None:
        fields |= {"occurred_on": day, "occurred_precision": "day"}
    return add_reviewed_claim(source, fields=fields)


def test_each_case_counts_its_own_sources_and_claims(administrator_client, case):
    other = Case.objects.create(slug="other", title="Other case")
    for n in range(3):
        source = make_source(case, text=f"a {n}", title=f"A {n}")
        claim(source, n)
        claim(source, n + 10, status="proposed")
    claim(make_source(other, text="b", title="B"), 1)
    listed = administrator_client.get(reverse("cases:list")).context["page"].object_list
    counts = {c.slug: (c.source_count, c.claim_count) for c in listed}
    assert counts == {
        case.slug: (
            Source.objects.filter(case=case).count(),
            Claim.objects.filter(case=case).count(),
        ),
        "other": (1, 1),
    }
    assert counts[case.slug] == (3, 6)


def test_the_case_list_is_paged(administrator_client):
    for n in range(PAGE_SIZE + 1):
        Case.objects.create(slug=f"case-{n:03d}", title=f"Case {n:03d}")
    url = reverse("cases:list")
    first = administrator_client.get(url)
    assert len(first.context["page"].object_list) == PAGE_SIZE
    assert "page=2" in first.content.decode()
    assert len(administrator_client.get(url, {"page": 2}).context["page"].object_list) == 1
    assert administrator_client.get(url, {"page": "x"}).context["page"].number == 1


def test_the_case_page_counts_what_the_reader_may_see(alice_client, bob_client, case):
    public = make_source(case, text="open", title="Open", access_level="public")
    secret = make_source(case, text="shut", title="Shut", access_level="confidential")
    for n, status in enumerate(["verified", "verified", "proposed", "rejected", "disputed"]):
        claim(public, n, status=status)
    claim(secret, 9, status="verified")
    claim(secret, 10, status="proposed")
    url = reverse("cases:detail", args=[case.slug])
    researcher = alice_client.get(url).context
    assert (researcher["source_count"], researcher["claim_count"]) == (2, 7)
    assert (researcher["verified_count"], researcher["proposed_count"]) == (3, 2)
    viewer = bob_client.get(url).context
    assert (viewer["source_count"], viewer["claim_count"]) == (1, 5)
    assert (viewer["verified_count"], viewer["proposed_count"]) == (2, 1)


def test_the_case_timeline_is_paged_in_date_order(alice_client, source):
    start = datetime.date(1992, 1, 1)
    for n in range(PAGE_SIZE + 2):
        claim(source, n, kind="event", day=start + datetime.timedelta(days=n))
    url = reverse("cases:detail", args=[source.case.slug])
    first = alice_client.get(url)
    body = first.content.decode()
    assert f"{PAGE_SIZE + 2} dated events" in body and "timeline_page=2" in body
    assert [c.statement for c in first.context["timeline"].object_list] == [
        f"Statement {n:03d}" for n in range(PAGE_SIZE)
    ]
    second = alice_client.get(url, {"timeline_page": 2}).context["timeline"].object_list
    assert [c.statement for c in second] == [
        f"Statement {PAGE_SIZE:03d}",
        f"Statement {PAGE_SIZE + 1:03d}",
    ]
    assert alice_client.get(url, {"timeline_page": "junk"}).context["timeline"].number == 1


def test_a_viewer_sees_the_case_list_with_only_their_cases(bob_client, case):
    Case.objects.create(slug="elsewhere", title="Elsewhere")
    listed = bob_client.get(reverse("cases:list")).context["page"].object_list
    assert [c.slug for c in listed] == [case.slug]


def test_the_case_list_counts_what_the_reader_may_see_in_each_case(alice, bob, case):
    """A viewer of one case and researcher of another: confidential sources, and their claims,
    count only where the reader is a researcher."""
    other = Case.objects.create(slug="other", title="Other case")
    CaseMembership.objects.create(case=other, user=bob, role="researcher")
    for each in (case, other):
        claim(make_source(each, text="open", title="Open", access_level="public"), 1)
        secret = make_source(each, text="shut", title="Shut", access_level="confidential")
        claim(secret, 2)
        claim(secret, 3, status="proposed")
    listed = signed_in(bob).get(reverse("cases:list")).context["page"].object_list
    assert {c.slug: (c.source_count, c.claim_count) for c in listed} == {
        case.slug: (1, 1),  # bob is a viewer here
        "other": (2, 3),
    }
    listed = signed_in(alice).get(reverse("cases:list")).context["page"].object_list
    assert {c.slug: (c.source_count, c.claim_count) for c in listed} == {case.slug: (2, 3)}
