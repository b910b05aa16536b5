"""The one text pipeline: reading the text out of a document's bytes (PDF's text layer, or OCR of
a scan or an image; HTML; Word; plain text), then tidying it the same way whoever stored it (an
upload, an ingestion run, an OCR job), and telling its language."""

import functools
import io
import logging
import re
import unicodedata
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version

import charset_normalizer
import py3langid
import trafilatura
from django.utils.translation import gettext as _
from pypdf import PdfReader
from pypdf.errors import PdfReadError

from vigil.text_input import KEPT, PAGE_BREAK, strip_control_characters

from .ocr import OcrFailed, ocr_text

logger = logging.getLogger(__name__)

PDF = "application/pdf"
HTML = "text/html"
PLAIN = "text/plain"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# Scanned pages, read with OCR, each with the first bytes every file of its kind starts with.
IMAGES = {
    "image/png": (b"\x89PNG\r\n\x1a\n",),
    "image/jpeg": (b"\xff\xd8\xff",),
    "image/tiff": (b"II*\x00", b"MM\x00*"),
}

EXTENSIONS = {
    ".pdf": PDF,
    ".html": HTML,
    ".htm": HTML,
    ".txt": PLAIN,
    ".text": PLAIN,
    ".docx": DOCX,
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".tif": "image/tiff",
    ".tiff": "image/tiff",
}


# "geno-\ncide" → "genocide"; a hyphen at a line end between two lower-case letters.
LINE_END_HYPHEN = re.compile(r"(?<=[a-zà-ÿ])-\n(?=[a-zà-ÿ])")
SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
BLANK_LINES = re.compile(r"\n{3,}")


def normalise(text: str) -> str:
    """NFC Unicode, no control characters but line ends, tabs and page breaks, no hyphenation at
    line ends, single spaces, at most one blank line."""
    text = strip_control_characters(text, keep=KEPT + PAGE_BREAK)
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00ad", "")  # soft hyphens
    text = LINE_END_HYPHEN.sub("", text)
    text = "\n".join(SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return BLANK_LINES.sub("\n\n", text).strip()


def detect_language(text: str) -> str:
    """An ISO 639-1 code for the text's language ("" for text too short to tell)."""
    sample = text[:5000]
    if len(sample.split()) < 5:
        return ""
    language, _score = py3langid.classify(sample)
    return language


class UnreadableDocument(ValueError):
    """The bytes are not a document Vigil can read; the message says why, for the person."""


def media_type_for(filename: str, data: bytes) -> str:
    """Decide the type from the name, checked against the first bytes."""
    name = filename.lower()
    ext = name[name.rfind(".") :] if "." in name else ""
    media_type = EXTENSIONS.get(ext)
    if media_type is None:
        raise UnreadableDocument(
            _(
                "%(name)s: files of this type are not accepted "
                "(PDF, HTML, DOCX, plain text, or a PNG, JPEG or TIFF scan)."
            )
            % {"name": filename}
        )
    if media_type == PDF and not data.startswith(b"%PDF-"):
        raise UnreadableDocument(_("%(name)s is named .pdf but is not a PDF.") % {"name": filename})
    if media_type == DOCX and not data.startswith(b"PK"):
        raise UnreadableDocument(
            _("%(name)s is named .docx but is not a Word document.") % {"name": filename}
        )
    if media_type in IMAGES and not data.startswith(IMAGES[media_type]):
        raise UnreadableDocument(_("%(name)s is not the image its name says.") % {"name": filename})
    if media_type != PDF and data.startswith(b"%PDF-"):
        return PDF
    return media_type


def decode_text(data: bytes, filename: str = "") -> str:
    """Decode text in any common encoding; refuse binary data."""
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnreadableDocument(
            _("%(name)s looks like binary data, not text.") % {"name": filename or _("The file")}
        )
    try:
        # Most documents are UTF-8; a strict decode is both faster and surer than a guess.
        return data.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise UnreadableDocument(
            _("%(name)s is not text in any encoding Vigil can read.")
            % {"name": filename or _("The file")}
        )
    return str(best).replace("\r\n", "\n").replace("\r", "\n")


def pdf_text(data: bytes, filename: str = "") -> str:
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise UnreadableDocument(
                _("%(name)s is an encrypted PDF; remove the password and upload it again.")
                % {"name": filename}
            )
        pages = [strip_control_characters(page.extract_text() or "") for page in reader.pages]
    except UnreadableDocument:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as error:
        logger.info("unreadable PDF %s: %s", filename, error)
        raise UnreadableDocument(
            _("%(name)s is a damaged PDF that cannot be read.") % {"name": filename}
        ) from error
    # A form feed between pages keeps page numbers recoverable for locators.
    return "\f".join(pages)


def html_text(data: bytes, filename: str = "") -> str:
    """The main text of a web page, without its navigation, scripts and other page chrome."""
    markup = decode_text(data, filename)
    text = trafilatura.extract(
        markup, include_comments=False, include_tables=True, favor_recall=True
    )
    if not text:
        # Pages too small for main-content detection: fall back to all visible text.
        text = trafilatura.html2txt(markup)
    return text or ""


def docx_text(data: bytes, filename: str = "") -> str:
    import zipfile

    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise UnreadableDocument(
            _("%(name)s is a damaged Word document that cannot be read.") % {"name": filename}
        ) from error
    return "\n\n".join(paragraph.text for paragraph in document.paragraphs)


@dataclass
class Reading:
    """A document's own text and what read it; a scan comes back empty, marked `needs_ocr`."""

    text: str
    tool: str
    needs_ocr: bool = False


# The library that reads each kind of document, named with its version in each working copy.
READERS = {PDF: "pypdf", HTML: "trafilatura", DOCX: "python-docx"}


@functools.cache  # read from the installed metadata files: a few ms, and fixed while running
def package_version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "?"


def vigil_tool(what: str) -> str:
    return f"Vigil {package_version('vigil')} ({what})"


def reader_name(media_type: str) -> str:
    package = READERS.get(media_type)
    if package is None:
        return vigil_tool("text decoded")
    return f"{package} {package_version(package)}"


def read_document(data: bytes, media_type: str, filename: str = "") -> Reading:
    """The document's text without OCR; raises UnreadableDocument with a message for the
    person. An image, or a PDF without a text layer, is a scan: its text awaits OCR."""
    name = filename or _("The file")
    if not data:
        raise UnreadableDocument(_("%(name)s is empty.") % {"name": name})
    if media_type in IMAGES:
        return Reading("", "", needs_ocr=True)
    if media_type == PDF:
        text = pdf_text(data, filename)  # each page cleaned, pages separated by form feeds
        if not text.strip():  # no text layer: a scan
            return Reading("", "", needs_ocr=True)
    else:
        read = {HTML: html_text, DOCX: docx_text}.get(media_type, decode_text)
        text = read(data, filename)
    text = normalise(text)
    if not text:
        raise UnreadableDocument(_("%(name)s has no readable text.") % {"name": name})
    return Reading(text, f"{reader_name(media_type)}, {vigil_tool('normalised')}")


def extract_text(data: bytes, media_type: str, filename: str = "", languages=()) -> str:
    """The document's text, a scan read by OCR at once in `languages` (ISO 639-1 codes; by
    default VIGIL_OCR_LANGUAGES); raises UnreadableDocument with a message for the person.
    Uploads do not wait for OCR: they read with read_document and queue the scan."""
    reading = read_document(data, media_type, filename)
    if not reading.needs_ocr:
        return reading.text
    text = scan_text(data, filename, image=media_type in IMAGES, languages=languages)
    if not text.strip():
        raise UnreadableDocument(
            _("%(name)s has no readable text.") % {"name": filename or _("The file")}
        )
    return text


def scan_text(data: bytes, filename: str, *, image: bool, languages=()) -> str:
    """The text OCR reads in a scan, each page cleaned, pages separated by form feeds."""
    try:
        text = ocr_text(data, image=image, languages=languages)
    except OcrFailed as error:
        raise UnreadableDocument(
            _("%(name)s: %(reason)s") % {"name": filename or _("The file"), "reason": error}
        ) from error
    return normalise(text)
