"""The text of a scanned PDF or an image, read with OCRmyPDF and Tesseract.

The original bytes are never changed: OCRmyPDF writes a searchable copy in a temporary folder,
and its text (one page after another, separated by form feeds, as for any PDF) is what Vigil
keeps.
"""

import functools
import logging
import shutil
import subprocess
import tempfile
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

# Tesseract's names for the languages of the cases Vigil serves (installed by
# scripts/system-deps.sh), by ISO 639-1 code.
TESSERACT_LANGUAGES = {"en": "eng", "az": "aze", "ru": "rus", "tr": "tur", "ur": "urd"}
IMAGE_DPI = "300"  # for images that do not say their resolution
TIMEOUT_SECONDS = 600


class OcrFailed(Exception):
    """OCR could not read the document; the message says why, for the person."""


def available() -> bool:
    return shutil.which("ocrmypdf") is not None and shutil.which("tesseract") is not None


@functools.cache
def tool_name() -> str:
    """ "OCRmyPDF x.y / Tesseract x.y", as installed here, for the working copies OCR makes."""

    def first_line(*command: str) -> str:
        # Fixed programs and arguments, never a shell.
        result = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
        return (result.stdout or result.stderr).strip().splitlines()[0].split()[-1]

    ocrmypdf, tesseract = first_line("ocrmypdf", "--version"), first_line("tesseract", "--version")
    return f"OCRmyPDF {ocrmypdf} / Tesseract {tesseract}"


def tesseract_languages(codes) -> str:
    """Tesseract's `-l` for the source's languages, or VIGIL_OCR_LANGUAGES where none is known
    (each language more makes Tesseract likelier to misread a script, so a few, not all)."""
    known = [TESSERACT_LANGUAGES[code] for code in codes if code in TESSERACT_LANGUAGES]
    if not known:
        known = [TESSERACT_LANGUAGES[c] for c in settings.OCR_LANGUAGES if c in TESSERACT_LANGUAGES]
    return "+".join(dict.fromkeys(known)) or "eng"


def ocr_text(data: bytes, *, image: bool, languages=(), tesseract: str = "") -> str:
    """The text OCRmyPDF reads in a scanned PDF (or an image, when `image`), in `languages`
    (ISO 639-1 codes), or in `tesseract` (Tesseract's own `-l`, e.g. "eng+rus") when given."""
    if not available():
        raise OcrFailed(_("OCR is not installed on this server (OCRmyPDF and Tesseract)."))
    with tempfile.TemporaryDirectory(prefix="vigil-ocr-") as folder:
        scan, searchable, sidecar = (Path(folder, name) for name in ("in", "out.pdf", "out.txt"))
        scan.write_bytes(data)
        command = ["ocrmypdf", "--quiet", "--force-ocr", "--output-type", "pdf"]
        command += ["--language", tesseract or tesseract_languages(languages)]
        command += ["--sidecar", str(sidecar)]
        if image:
            command += ["--image-dpi", IMAGE_DPI]
        try:
            # A fixed program and our own arguments, never a shell.
            result = subprocess.run(  # noqa: S603
                [*command, str(scan), str(searchable)],
                capture_output=True,
                text=True,
                timeout=TIMEOUT_SECONDS,
                check=False,
            )
        except subprocess.TimeoutExpired as error:
            raise OcrFailed(_("OCR took longer than %(n)s s.") % {"n": TIMEOUT_SECONDS}) from error
        if result.returncode != 0:
            reason = (result.stderr.strip().splitlines() or [str(result.returncode)])[-1]
            logger.info("OCR failed (%s): %s", result.returncode, result.stderr)
            raise OcrFailed(_("OCR failed: %(reason)s") % {"reason": reason})
        return sidecar.read_text(encoding="utf-8")
