"""Scanned pages, made here by drawing text into an image with the font the project installs,
are read with OCRmyPDF and Tesseract: as a PDF without a text layer, as an image, and in a folder
ingested with each file's outcome."""

import io
import os
import subprocess

import pytest
from PIL import Image, ImageDraw, ImageFont

from vigil.evidence import ocr
from vigil.evidence.text import PDF, UnreadableDocument, extract_text, media_type_for
from vigil.ingest import collect, pipeline
from vigil.ingest.models import IngestJob

LATIN = "Witnesses described the massacre in Khojaly"
CYRILLIC = "Свидетели описали трагедию в Ходжалы"


@pytest.fixture(scope="module", autouse=True)
def tesseract():
    """OCR tests skip where OCR is not installed, and fail where the suite must run whole."""
    if not ocr.available():
        message = "no OCRmyPDF and Tesseract here (scripts/system-deps.sh installs them)"
        if os.environ.get("VIGIL_REQUIRE_BROWSER") == "1" or os.environ.get("CI"):
            pytest.fail(f"OCR tests are required (VIGIL_REQUIRE_BROWSER=1 or CI) but {message}")
        pytest.skip(f"OCR tests skipped: {message}")


def scanned_page(*lines: str) -> Image.Image:
    """A white page at 300 dpi with the lines drawn in black, as a scanner would give it."""
    font_file = subprocess.run(
        ["fc-match", "-f", "%{file}", "DejaVu Sans"],  # noqa: S607
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    font = ImageFont.truetype(font_file, 48)
    page = Image.new("L", (2480, 800), "white")
    draw = ImageDraw.Draw(page)
    for number, line in enumerate(lines):
        draw.text((150, 150 + number * 120), line, font=font, fill="black")
    return page


def saved(page: Image.Image, kind: str) -> bytes:
    out = io.BytesIO()
    page.save(out, kind, resolution=300.0) if kind == "PDF" else page.save(
        out, kind, dpi=(300, 300)
    )
    return out.getvalue()


def test_a_scanned_pdf_without_a_text_layer_is_read_by_ocr_in_latin_and_cyrillic():
    text = extract_text(saved(scanned_page(LATIN, CYRILLIC), "PDF"), PDF, "scan.pdf")
    assert "Khojaly" in text and "massacre" in text
    assert "Ходжалы" in text and "трагедию" in text


def test_a_scanned_image_is_read_by_ocr():
    text = extract_text(saved(scanned_page(CYRILLIC), "PNG"), "image/png", "scan.png")
    assert "Свидетели" in text


def test_ingesting_a_folder_of_scans_gives_each_file_its_outcome(case, tmp_path):
    (tmp_path / "latin.tif").write_bytes(saved(scanned_page(LATIN), "TIFF"))
    (tmp_path / "cyrillic.jpg").write_bytes(saved(scanned_page(CYRILLIC), "JPEG"))
    (tmp_path / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n not really an image")
    job = pipeline.run(IngestJob.objects.create(case=case), collect.gather([tmp_path]))
    outcomes = {line["name"].rsplit("/", 1)[-1]: line for line in job.report}
    assert outcomes["latin.tif"]["outcome"] == "stored"
    assert outcomes["cyrillic.jpg"]["outcome"] == "stored"
    assert outcomes["broken.png"]["outcome"] == "refused"
    assert outcomes["broken.png"]["reason"].startswith("broken.png: OCR failed:")
    assert "Khojaly" in case.sources.get(title="latin").text


def test_an_image_that_is_not_one_says_so():
    with pytest.raises(UnreadableDocument, match="not the image its name says"):
        media_type_for("scan.png", b"GIF89a")
