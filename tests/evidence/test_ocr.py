"""Scanned pages, made here by drawing text into an image with the font the project installs,
are read with OCRmyPDF and Tesseract: as a PDF without a text layer, as an image, uploaded (the
scan archived at once, read by a real worker, a failure said on the page) and in a folder
ingested with each file's outcome."""

import io
import os
import subprocess

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse
from PIL import Image, ImageDraw, ImageFont

from vigil.evidence import archive, ocr
from vigil.evidence.models import OcrRun, Source
from vigil.evidence.search import search_case
from vigil.evidence.text import PDF, UnreadableDocument, extract_text, media_type_for
from vigil.ingest import collect, pipeline
from vigil.ingest.models import IngestJob
from vigil.ingest.views import with_ocr

# The worker closes its database connection after each job: a real transaction per test.
WORKER_DB = pytest.mark.django_db(transaction=True)

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


def work() -> None:
    """A real database worker runs the queued jobs, as `vigil db_worker` does."""
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", "--queue-name", "*")


def upload(client, case, name: str, data: bytes, language: str = ""):
    fields = {"kind": "report", "title": name, "language": language, "standing": "unknown"}
    fields.update(reliability_grade="F", access_level="restricted")
    return client.post(
        reverse("evidence:source_upload", args=[case.slug]),
        {**fields, "file": SimpleUploadedFile(name, data)},
    )


@WORKER_DB
def test_a_scan_upload_is_archived_at_once_and_read_by_a_worker_in_its_language(
    alice_client, case, django_capture_on_commit_callbacks
):
    scan = saved(scanned_page(CYRILLIC, CYRILLIC), "PDF")
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(alice_client, case, "svidetel.pdf", scan, language="ru")
    source = Source.objects.get()
    assert response.url == source.get_absolute_url()
    assert archive.read_bytes(source.archived_file.sha256) == scan
    run = source.ocr_runs.get()
    assert (run.status, run.languages, source.text) == ("queued", "rus", "")
    assert "queued" in alice_client.get(source.get_absolute_url()).content.decode()

    work()
    source.refresh_from_db()
    assert "Ходжалы" in source.text and "трагедию" in source.text
    status = alice_client.get(
        reverse("evidence:source_ocr", args=[case.slug, source.pk]),
        HTTP_ACCEPT="application/json",
    ).json()
    assert (status["status"], status["progress"], status["stage"]) == ("done", 100, "page 1 of 1")
    copy = source.working_copies.get()
    assert (copy.version, copy.method, copy.tool) == (1, "ocr", ocr.tool_name())
    assert copy.tool.startswith("OCRmyPDF ") and " / Tesseract " in copy.tool
    assert copy.tool_settings == {"languages": "rus", "pages": 1}
    assert [hit.obj for hit in search_case(case, "Ходжалы")] == [source]


@WORKER_DB
def test_a_scan_ocr_cannot_read_stays_archived_and_its_page_says_why_with_a_retry(
    alice_client, case, django_capture_on_commit_callbacks
):
    broken = b"\x89PNG\r\n\x1a\n not really an image"
    with django_capture_on_commit_callbacks(execute=True):
        upload(alice_client, case, "broken.png", broken)
    work()
    source = Source.objects.get()
    run = source.ocr_runs.get()
    assert run.status == "failed" and run.failure.startswith("OCR failed:")
    assert archive.read_bytes(source.archived_file.sha256) == broken
    page = alice_client.get(source.get_absolute_url()).content.decode()
    assert "the original stays archived, unchanged" in page and run.failure in page
    assert "Run OCR again" in page
    with django_capture_on_commit_callbacks(execute=True):
        alice_client.post(reverse("evidence:source_ocr_retry", args=[case.slug, source.pk]))
    assert list(source.ocr_runs.values_list("status", flat=True)) == ["queued", "failed"]


@WORKER_DB
def test_ingesting_a_folder_of_scans_gives_each_file_its_outcome(case, tmp_path):
    dated = "in Azerbaijan on 26 February 1992."
    (tmp_path / "latin.tif").write_bytes(saved(scanned_page(LATIN, dated), "TIFF"))
    (tmp_path / "cyrillic.jpg").write_bytes(saved(scanned_page(CYRILLIC, CYRILLIC), "JPEG"))
    (tmp_path / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n not really an image")
    (tmp_path / "notes.gif").write_bytes(b"GIF89a")
    job = IngestJob.objects.create(case=case)
    with TestCase.captureOnCommitCallbacks(execute=True):
        job = pipeline.run(job, collect.gather([tmp_path]))
    outcomes = {line["name"].rsplit("/", 1)[-1]: line for line in job.report}
    assert [outcomes[name]["outcome"] for name in ("latin.tif", "cyrillic.jpg", "broken.png")] == [
        "stored"
    ] * 3
    assert outcomes["notes.gif"]["outcome"] == "refused"
    work()
    runs = {run.source.title: run for run in OcrRun.objects.select_related("source")}
    assert {title: run.status for title, run in runs.items()} == {
        "latin": "done",
        "cyrillic": "done",
        "broken": "failed",
    }
    latin = case.sources.get(title="latin")
    assert "Khojaly" in latin.text and latin.language == "en"
    found = {(c.kind, c.data.get("code") or c.data.get("value")) for c in latin.candidates.all()}
    assert {("country", "AZE"), ("date", "1992-02-26")} <= found
    lines = with_ocr(job.report)
    broken = next(line for line in lines if line["name"].endswith("broken.png"))
    assert broken["ocr"].failure.startswith("OCR failed:")


def test_an_image_that_is_not_one_says_so():
    with pytest.raises(UnreadableDocument, match="not the image its name says"):
        media_type_for("scan.png", b"GIF89a")


@WORKER_DB
def test_vigil_ingest_says_which_scans_await_ocr_and_a_worker_reads_them(case, tmp_path):
    (tmp_path / "latin.png").write_bytes(saved(scanned_page(LATIN), "PNG"))
    out = io.StringIO()
    call_command("ingest", str(tmp_path), "--case", case.slug, stdout=out, stderr=io.StringIO())
    assert "1 scan archived and queued for OCR" in out.getvalue()
    assert case.sources.get(title="latin").text == ""
    work()
    assert "Khojaly" in case.sources.get(title="latin").text
