"""The public site is served from a cache that publishing renews at once: a visitor without a
session gets the stored page in one query, the next visitor after any change sees the change, and
nothing personal or signed-in is ever stored or served to someone else."""

import datetime
import gc
import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.urls import reverse

from tests.campaigns.conftest import make_event
from tests.conftest import add_reviewed_claim, body, make_source
from vigil.campaigns.models import Chapter
from vigil.dossier import publishing
from vigil.evidence import services
from vigil.evidence.models import Claim
from vigil.public_cache import cache as public_cache
from vigil.public_cache.cache import PAGE_PREFIX
from vigil.recognition import services as recognition_services
from vigil.recognition.models import Actor

pytestmark = pytest.mark.django_db


def page(client, published, name="public_case", *args):
    response = client.get(reverse(name, args=[published.slug, *args]))
    assert response.status_code == 200
    return body(response)  # the open data is streamed to the first visitor


def without_csrf_tokens(html: str) -> str:
    """The page as every visitor gets it: the language switch's CSRF token is each one's own."""
    return re.sub(r'(name="csrfmiddlewaretoken" value=")[^"]*"', r'\1"', html)


def stored_page_expiries() -> list[datetime.datetime]:
    """When each stored public page leaves the cache."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key, expires FROM vigil_cache")
        rows = cursor.fetchall()
    expiries = []
    for key, expires in rows:
        if PAGE_PREFIX in key:
            if isinstance(expires, str):  # SQLite hands back text
                expires = datetime.datetime.fromisoformat(expires)
            expiries.append(expires.replace(tzinfo=datetime.UTC))
    return expiries


def test_a_page_served_from_the_cache_takes_one_query_however_much_the_case_holds(
    client, published, django_assert_num_queries
):
    first = without_csrf_tokens(page(client, published))
    with django_assert_num_queries(1):
        assert without_csrf_tokens(page(client, published)) == first
    source = make_source(published, text="More.", title="Another report", standing="ngo")
    for n in range(20):
        add_reviewed_claim(
            source,
            fields={
                "statement": f"Claim {n}",
                "claim_type": "figure",
                "locator": f"p. {n}",
                "review_status": "verified",
            },
            figure={"category": "wounded", "low": 100 + n, "high": None},
            publish=True,
        )
    # The new figures show at once, a page of them, lowest first, with how many there are.
    shown = page(client, published)
    assert "≥ 100" in shown and "≥ 109" in shown and "≥ 110" not in shown
    assert "of 20, lowest first" in shown
    with django_assert_num_queries(1):
        assert without_csrf_tokens(page(client, published)) == without_csrf_tokens(shown)


def act_fields(actor, wording, review="verified"):
    return {
        "actor": actor,
        "date": datetime.date(2013, 3, 1),
        "instrument": "resolution",
        "characterisation": "massacre",
        "wording": wording,
        "status": "adopted",
        "review": review,
    }


def add_public_act(case):
    actor = Actor.objects.get(kind="state", country_code="COL")
    act = recognition_services.record_act(
        case, fields=act_fields(actor, "a newly published wording")
    )
    publishing.publish_act(act)
    return "a newly published wording"


def verify_an_act(case):
    actor = Actor.objects.get(kind="state", country_code="PER")
    act = recognition_services.record_act(
        case, fields=act_fields(actor, "wording under review", review="unverified")
    )
    assert "wording under review" not in page_of(case)
    recognition_services.update_act(act, fields={"review": "verified"})
    assert "wording under review" not in page_of(case)  # verified is not published
    publishing.publish_act(act)
    return "wording under review"


def verify_a_figure(case):
    proposed = Claim.objects.get(statement__startswith="Unverified rumour")
    reviewer = get_user_model().objects.get(username="claim-reviewer")
    services.review_claim(proposed, status="verified", user=reviewer)
    assert "9,999" not in page_of(case)  # verified is not published
    publishing.publish_claims(case, [proposed])
    return "9,999"


def change_the_summary(case):
    case.summary = "A summary rewritten for the anniversary."
    case.save()
    return "A summary rewritten for the anniversary."


def announce_an_event(case):
    chapter = Chapter.objects.create(name="Baku chapter", city="Baku", country_code="AZE")
    make_event(chapter, title="Candle-lighting in Baku", case=case)
    return "Candle-lighting in Baku"


def rename_an_actor(case):
    actor = Actor.objects.create(kind="parliament", name="Grand Assembly", country_code="TUR")
    act = recognition_services.record_act(case, fields=act_fields(actor, "the assembly's words"))
    publishing.publish_act(act)
    assert "Grand Assembly" in page_of(case)  # stored under its old name
    actor.name = "Grand National Assembly"
    actor.save()
    return "Grand National Assembly"


def page_of(case):
    from django.test import Client

    return Client().get(reverse("public_case", args=[case.slug])).content.decode()


@pytest.mark.parametrize(
    "publish",
    [
        add_public_act,
        verify_an_act,
        verify_a_figure,
        change_the_summary,
        announce_an_event,
        rename_an_actor,
    ],
)
def test_what_is_published_shows_on_the_very_next_visit(client, published, publish):
    page(client, published)  # stored
    shown = publish(published)
    assert shown in page(client, published)


def test_a_source_made_restricted_leaves_the_page_and_the_open_data_at_once(client, published):
    assert "Field Report 1993" in page(client, published)
    assert "Field Report 1993" in page(client, published, "public_data", "sources", "csv")
    report = published.sources.get(title="Field Report 1993")
    services.update_source(report, changes={"access_level": "restricted"})
    assert "Field Report 1993" not in page(client, published)
    assert "Field Report 1993" not in page(client, published, "public_data", "sources", "csv")


def test_the_feed_and_the_open_data_show_a_new_act_at_once(client, published):
    feed = page(client, published, "public_feed")
    data = page(client, published, "public_data", "recognitions", "json")
    wording = add_public_act(published)
    assert page(client, published, "public_feed") != feed
    assert "Colombia: massacre" in page(client, published, "public_feed")
    assert wording not in data
    assert wording in page(client, published, "public_data", "recognitions", "json")


def test_a_case_taken_off_the_public_site_answers_404_at_once(client, published):
    page(client, published)
    published.is_public = False
    published.save()
    assert client.get(reverse("public_case", args=[published.slug])).status_code == 404


def test_a_signed_in_visitor_gets_their_own_page_and_nobody_gets_theirs(
    client, alice_client, published
):
    assert "Sign out" not in page(client, published)  # stored for visitors without a session
    assert "Sign out alice" in page(alice_client, published)
    assert "Sign out" not in page(client, published)
    assert "Sign out alice" in page(alice_client, published)


def test_a_page_listing_an_event_is_kept_no_longer_than_the_event_lasts(client, published):
    chapter = Chapter.objects.create(name="Baku chapter", city="Baku", country_code="AZE")
    event = make_event(chapter, case=published, days=0)  # later today: it leaves the page soon
    page(client, published)
    assert stored_page_expiries()
    assert max(stored_page_expiries()) <= event.ends_at


def test_a_page_from_the_cache_carries_the_same_headers_as_a_fresh_one(client, published):
    url = reverse("public_case", args=[published.slug])
    fresh, cached = client.get(url), client.get(url)
    for header in (
        "Content-Type",
        "Content-Language",
        "Content-Security-Policy",
        "X-Frame-Options",
        "X-Content-Type-Options",
        "Referrer-Policy",
    ):
        assert cached[header] == fresh[header], header
    assert cached["Content-Length"] == str(len(cached.content))


def test_an_event_moved_to_another_case_leaves_the_first_case_s_page(client, published):
    other = type(published).objects.create(slug="other-case", title="Other", is_public=True)
    chapter = Chapter.objects.create(name="Baku chapter", city="Baku", country_code="AZE")
    event = make_event(chapter, title="Candle-lighting in Baku", case=published)
    assert "Candle-lighting in Baku" in page(client, published)
    event.case = other
    event.save()
    assert "Candle-lighting in Baku" not in page(client, published)
    assert "Candle-lighting in Baku" in page(client, other)


def test_a_case_given_a_new_short_name_leaves_its_old_address_at_once(client, published):
    old = reverse("public_case", args=[published.slug])
    assert client.get(old).status_code == 200
    published.slug = "renamed-case"
    published.save()
    assert client.get(old).status_code == 404
    assert "A case summary for the public." in page(client, published)


OPEN_DATA = [
    (dataset, fmt) for dataset in ("recognitions", "figures", "sources") for fmt in ("csv", "json")
]


def test_the_open_data_is_streamed_to_the_first_visitor_and_served_from_the_cache_after(
    client, published, django_assert_num_queries
):
    for dataset, fmt in OPEN_DATA:
        url = reverse("public_data", args=[published.slug, dataset, fmt])
        first = client.get(url)
        assert first.streaming, url
        sent = b"".join(first.streaming_content)
        if fmt == "json":
            assert json.loads(sent)[dataset], url  # valid JSON, written a row at a time
        with django_assert_num_queries(1):
            again = client.get(url)
        assert not again.streaming and again.content == sent, url


def test_an_open_data_file_too_large_to_keep_is_streamed_afresh_every_time(
    client, published, monkeypatch
):
    monkeypatch.setattr(public_cache, "MAX_STORED_BYTES", 200)
    url = reverse("public_data", args=[published.slug, "sources", "json"])
    sent = b"".join(client.get(url).streaming_content)
    assert len(sent) > 200
    again = client.get(url)
    assert again.streaming and b"".join(again.streaming_content) == sent


def test_an_open_data_file_whose_sending_stopped_part_way_is_not_kept(client, published):
    url = reverse("public_data", args=[published.slug, "figures", "csv"])
    stopped = client.get(url)
    next(iter(stopped.streaming_content))
    # The visitor went away after the first line: the answer is dropped with the rest unsent
    # (the test client then closes it as a server would, keeping the test's connection open).
    del stopped
    gc.collect()
    again = client.get(url)
    assert again.streaming and "≥ 161" in body(again)
