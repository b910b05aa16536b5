import io

import pytest
from django.core.management import call_command
from pypdf import PdfReader

from vigil.dossier.builder import build_bytes
from vigil.dossier.content import build_content
from vigil.dossier.render import render_html

pytestmark = pytest.mark.django_db


def pdf_text(data: bytes) -> tuple[list[str], str]:
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]
    return pages, "\n".join(pages)


def test_the_pdf_has_its_sections_footnotes_hashes_and_page_numbers(published):
    pages, text = pdf_text(build_bytes(published, "pdf"))
    for section in [
        "EVIDENCE DOSSIER",
        "Recognition",
        "Casualty figures, source by source",
        "The case in law: element by element",
        "Gaps, stated plainly",
        "Key verified claims",
        "Bibliography",
    ]:
        assert section in text, section
    flat = " ".join(text.split())
    # The footnote of the key claim: its source's number and the locator.
    claims_page = next(p for p in pages if "Key verified claims" in p)
    assert "At least 161 people were killed" in claims_page
    assert "page 12, paragraph 3" in " ".join(claims_page.split())
    sha = published.sources.get(title="Field Report 1993").archived_file.sha256
    assert sha in flat.replace(" ", "") or sha in text.replace("\n", "")
    assert f"Page 1 of {len(pages)}" in text or f"Page 2 of {len(pages)}" in text
    assert "Issued" in text


def test_figures_from_different_sources_stand_side_by_side(published):
    content = build_content(published)
    killed = next(group for group in content.figures if group.category == "killed")
    assert [f.display for f in killed.figures] == ["≥ 161", "≥ 200"]
    assert killed.summary["independent_sources"] == 2


def test_the_matrix_and_gaps_are_in_the_dossier(published):
    content = build_content(published)
    ((crime, _rows, counts),) = content.matrices
    assert crime.code == "RS-6-a"
    assert counts["gap"] >= 2
    assert any(row.element.kind == "intent" for _crime, rows in content.gaps for row in rows)


def test_the_command_writes_pdf_and_html(published, tmp_path, capsys):
    call_command("dossier", published.slug, "-o", str(tmp_path / "d.pdf"))
    assert (tmp_path / "d.pdf").read_bytes().startswith(b"%PDF-")
    call_command("dossier", published.slug, "-o", str(tmp_path / "d.html"), "--html")
    html = (tmp_path / "d.html").read_text()
    assert "<svg" in html and "Key verified claims" in html
    assert "Wrote" in capsys.readouterr().out


def test_each_gap_is_one_sentence_naming_its_crime_element_and_kind(published):
    content = build_content(published)
    crime, rows = content.gaps[0]
    row = rows[0]
    html = render_html(content)
    kind = row.element.get_kind_display()
    assert (
        f"<li><strong>{crime.name}</strong>, element {row.element.number} ({kind}): "
        f"{row.element.text} — "
    ) in html
