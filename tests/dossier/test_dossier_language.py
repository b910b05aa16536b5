"""A dossier is made in the language of whoever asks for it: in Urdu it reads right to left, set
in the Nastaliq font Debian installs."""

import io

import pytest
from django.conf import settings
from pypdf import PdfReader

from vigil.dossier.builder import build_bytes
from vigil.dossier.models import DossierBuild

pytestmark = pytest.mark.django_db


def embedded_fonts(pdf: bytes) -> set[str]:
    fonts = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in (page.get("/Resources") or {}).get("/Font", {}).values():
            fonts.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    return fonts


def test_the_dossier_in_urdu_reads_right_to_left_in_nastaliq(published):
    html = build_bytes(published, "html", language="ur").decode()
    assert '<html lang="ur" dir="rtl"' in html
    fonts = embedded_fonts(build_bytes(published, "pdf", language="ur"))
    assert "Noto-Nastaliq-Urdu" in fonts


def test_the_dossier_in_english_reads_left_to_right(published):
    html = build_bytes(published, "html", language="en").decode()
    assert '<html lang="en" dir="ltr"' in html
    assert "Noto-Nastaliq-Urdu" not in embedded_fonts(build_bytes(published, "pdf", language="en"))


def test_a_dossier_asked_for_from_a_page_in_russian_is_built_in_russian(alice_client, published):
    alice_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"
    response = alice_client.post(f"/cases/{published.slug}/dossier/build/", {"format": "html"})
    assert response.status_code == 302
    assert DossierBuild.objects.get(case=published).language == "ru"
