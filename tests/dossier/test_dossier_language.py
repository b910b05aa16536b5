"""A dossier is made in the language of whoever asks for it: in Urdu it reads right to left, set
in the Nastaliq font Debian installs."""

import io

import pytest
from django.conf import settings
from pypdf import PdfReader

from tests.conftest import in_language
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


def test_the_dossier_shows_the_case_in_the_reader_s_language_and_says_it_is_a_translation(
    published,
):
    from vigil.cases.translations import save_translation

    save_translation(published, language="az", title="Sınaq işi", summary="Azərbaycanca xülasə.")
    html = build_bytes(published, "html", language="az").decode()
    assert '<h1 lang="az" dir="ltr">Sınaq işi</h1>' in html
    assert "Azərbaycanca xülasə." in html
    assert "A case summary for the public." not in html
    russian = build_bytes(published, "html", language="ru").decode()
    assert "A case summary for the public." in russian
    note = "Shown in %(shown)s: not yet translated into %(reader)s."
    assert in_language("ru", note, shown="английский", reader="русский") in russian


def test_the_page_headers_come_from_the_catalogue_in_any_word_order():
    from vigil.dossier.templatetags.dossier_tags import css_content

    reordered = css_content(
        "%(pages)s səhifədən %(page)s", page="counter(page)", pages="counter(pages)"
    )
    assert reordered == 'counter(pages) " səhifədən " counter(page)'
    assert css_content('Say "hi" </style>') == '"Say \\"hi\\" \\3c /style>"'


def test_the_english_pdf_still_numbers_its_pages_and_names_its_issue_date(published):
    from tests.dossier.test_dossier import pdf_text

    pages, _text = pdf_text(build_bytes(published, "pdf", language="en"))
    assert "Page 2 of" in pages[1]
    assert "Issued" in pages[1]


def test_the_dossier_quotes_each_act_in_the_reader_s_language_where_it_is_translated(published):
    from vigil.recognition.translations import save_act_translation

    act = published.recognition_acts.get(wording="the genocide committed in the town")
    save_act_translation(act, language="tr", wording="kasabada işlenen soykırım")
    turkish = build_bytes(published, "html", language="tr").decode()
    assert '<span lang="tr" dir="ltr">“kasabada işlenen soykırım”</span>' in turkish
    assert "the genocide committed in the town" not in turkish
    urdu = build_bytes(published, "html", language="ur").decode()
    # No Urdu translation: the English words, kept left to right inside the Urdu dossier.
    assert '<span lang="en" dir="ltr">“the genocide committed in the town”</span>' in urdu
