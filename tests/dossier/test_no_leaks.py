"""Restricted and confidential sources, unverified claims and personal data never reach the
dossier, the public pages, the open data or the feed."""

import json

import pytest
from django.urls import reverse

from tests.conftest import body
from tests.dossier.test_dossier import pdf_text
from tests.published import SECRETS
from vigil.dossier.builder import build_bytes

pytestmark = pytest.mark.django_db


def assert_clean(text: str, where: str):
    leaks = [name for name, secret in SECRETS.items() if secret in text]
    assert leaks == [], f"{where} leaks: {leaks}"


def test_the_dossier_pdf_and_html_leak_nothing(published):
    assert_clean(build_bytes(published, "html").decode(), "dossier HTML")
    assert_clean(" ".join(pdf_text(build_bytes(published, "pdf"))[1].split()), "dossier PDF")


def test_the_public_pages_open_data_and_feed_leak_nothing(client, published):
    urls = [
        reverse("public_case", args=[published.slug]),
        reverse("public_feed", args=[published.slug]),
    ]
    urls += [
        reverse("public_data", args=[published.slug, dataset, fmt])
        for dataset in ("recognitions", "figures", "sources")
        for fmt in ("csv", "json")
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_clean(body(response), url)


def test_the_public_pages_show_what_is_public(client, published):
    page = client.get(reverse("public_case", args=[published.slug])).content.decode()
    assert "Field Report 1993" in page and "≥ 161" in page
    assert "the genocide committed in the town" in page
    figures = json.loads(
        body(client.get(reverse("public_data", args=[published.slug, "figures", "json"])))
    )
    assert {row["display"] for row in figures["figures"]} == {"≥ 161", "≥ 200"}
    feed = client.get(reverse("public_feed", args=[published.slug])).content.decode()
    assert "<feed" in feed and "Pakistan: genocide" in feed


def test_a_case_that_is_not_public_has_no_public_page(client, case):
    assert client.get(reverse("public_case", args=[case.slug])).status_code == 404
    assert (
        client.get(reverse("public_data", args=[case.slug, "sources", "json"])).status_code == 404
    )
