"""OCR of scanned sources as background jobs.

An upload of a scan (an image, or a PDF without a text layer) is archived at once and its source
recorded with no text yet; a worker then reads it with OCRmyPDF and Tesseract in the source's
languages, page after page, saving its progress. The text becomes the source's next text working
copy, so search and extraction read it like any other. A failure leaves the original archived and
says why on the source's page, where a researcher can run OCR again.
"""

import io
import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task
from pypdf import PdfReader, PdfWriter

from vigil.audit.log import acting_as
from vigil.evidence import archive, ocr, working_copies
from vigil.evidence.models import OcrRun, Source, WorkingCopy
from vigil.evidence.text import IMAGES, normalise
from vigil.text_input import strip_control_characters

logger = logging.getLogger(__name__)

# Sent when OCR has made a source's text: `run` (the OcrRun) and `copy` (the WorkingCopy).
scan_read = Signal()


def _actor(user):
    return user if user is not None and user.is_authenticated else None


def queue(source: Source, *, user=None, extract_candidates: bool = False) -> OcrRun:
    """Record an OCR run for the source's archived scan and hand it to a worker once the
    current transaction commits."""
    run = OcrRun.objects.create(
        source=source,
        languages=ocr.tesseract_languages([source.language]),
        extract_candidates=extract_candidates,
        created_by=_actor(user),
    )
    transaction.on_commit(lambda: read_scan.enqueue(run.pk))
    return run


def latest_run(source: Source) -> OcrRun | None:
    return source.ocr_runs.order_by("-pk").first()


def retry(source: Source, *, user=None) -> OcrRun:
    """Run OCR again after a failure (after a fix on the server, or with other languages)."""
    last = latest_run(source)
    if last is None or last.status != OcrRun.Status.FAILED:
        raise ValidationError(_("Only a failed OCR can be run again."))
    return queue(source, user=user, extract_candidates=last.extract_candidates)


def _pages(data: bytes, media_type: str) -> list[tuple[bytes, bool]]:
    """The scan as pieces OCR reads one at a time: (bytes, is_image)."""
    if media_type in IMAGES:
        return [(data, True)]
    reader = PdfReader(io.BytesIO(data))
    pages = []
    for page in reader.pages:
        writer = PdfWriter()
        writer.add_page(page)
        out = io.BytesIO()
        writer.write(out)
        pages.append((out.getvalue(), False))
    return pages


def _clean(page: str) -> str:
    return strip_control_characters(page.strip("\f"))


def read(run: OcrRun) -> WorkingCopy:
    """Read the scan page by page, saving progress after each; the text becomes the source's
    next text version. Raises ocr.OcrFailed (after recording it on the run) if OCR cannot."""
    source = run.source
    archived = source.archived_file
    pages = _pages(archive.read_bytes(archived.sha256), archived.media_type)
    run.status, run.pages_total, run.pages_done = OcrRun.Status.RUNNING, len(pages), 0
    run.failure = ""
    run.save(update_fields=["status", "pages_total", "pages_done", "failure"])
    texts = []
    for data, is_image in pages:
        texts.append(_clean(ocr.ocr_text(data, image=is_image, tesseract=run.languages)))
        run.pages_done += 1
        run.save(update_fields=["pages_done"])
    text = normalise("\f".join(texts))
    if not text:
        raise ocr.OcrFailed(_("OCR found no text in the scan."))
    copy = working_copies.record_text_version(
        source,
        text=text,
        method=WorkingCopy.Method.OCR,
        tool=ocr.tool_name(),
        tool_settings={"languages": run.languages, "pages": len(pages)},
        user=run.created_by,
    )
    run.status, run.finished_at = OcrRun.Status.DONE, timezone.now()
    run.save(update_fields=["status", "finished_at"])
    scan_read.send(sender=OcrRun, run=run, copy=copy)
    return copy


def fail(run_id: int, reason: str) -> None:
    OcrRun.objects.filter(pk=run_id).update(
        status=OcrRun.Status.FAILED, failure=reason[:2000], finished_at=timezone.now()
    )


@task()
def read_scan(run_id: int) -> None:
    """OCR one source's scan; run again after its worker died, it starts the scan over."""
    job = OcrRun.objects.select_related("source__archived_file", "created_by").get(pk=run_id)
    try:
        # The worker acts for the person who uploaded the scan: the log names them.
        with acting_as(job.created_by):
            read(job)
    except ocr.OcrFailed as error:
        fail(run_id, str(error))
    except Exception as error:
        logger.exception("OCR run %s failed", run_id)
        fail(run_id, _("OCR failed: %(reason)s") % {"reason": error})
        raise


def _given_up(args, kwargs, reason: str) -> None:
    fail(*args, **kwargs, reason=reason)


# What to do with a job of this task that its workers kept dying on (vigil/ops/leases.py).
WHEN_GIVEN_UP = {"read_scan": _given_up}
