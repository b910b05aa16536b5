"""From a document to a stored source with its extracted candidates.

Each document is stored, with its candidates, in its own transaction: a run that is killed
loses nothing already stored, and running again finds the same bytes already present (a no-op
that says so), so it resumes without duplicating.
"""

import hashlib
import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import PurePath

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vigil.evidence import services as evidence
from vigil.evidence.models import Source, WorkingCopy
from vigil.evidence.text import (
    UnreadableDocument,
    detect_language,
    media_type_for,
    read_document,
)
from vigil.text_input import strip_control_characters

from .collect import Document
from .extract import extract_all
from .extract.gazetteer import DEFAULT_GAZETTEER
from .models import Candidate, DocumentOutcome, GazetteerEntry, IngestJob, WordTableEntry


@dataclass
class Outcome:
    name: str
    outcome: DocumentOutcome
    reason: str = ""
    source_id: int | None = None
    candidates: int = 0

    def as_dict(self) -> dict:
        return {
            "name": self.name,
            "outcome": self.outcome,
            "reason": self.reason,
            "source_id": self.source_id,
            "candidates": self.candidates,
        }


def word_additions() -> tuple:
    """The words users added to the extraction tables, as extract_all takes them."""
    return tuple(WordTableEntry.objects.values_list("language", "table", "phrase", "value"))


def gazetteer() -> dict[str, list[str]]:
    """The built-in organisations plus those users added."""
    merged = {name: list(aliases) for name, aliases in DEFAULT_GAZETTEER.items()}
    for entry in GazetteerEntry.objects.all():
        merged.setdefault(entry.name, []).extend(entry.alias_list)
    return merged


def ingest_document(case, document: Document, *, user=None, names=None, words=()) -> Outcome:
    if document.refusal:
        return Outcome(document.name, DocumentOutcome.REFUSED, document.refusal)
    data = document.data or b""
    existing = evidence.find_source_by_hash(case, hashlib.sha256(data).hexdigest())
    if existing is not None:
        return Outcome(
            document.name,
            DocumentOutcome.PRESENT,
            _("already in the archive as “%(title)s”") % {"title": existing.title},
            existing.pk,
        )
    filename = strip_control_characters(PurePath(document.name).name)
    try:
        media_type = media_type_for(filename, data)
        reading = read_document(data, media_type, filename)
    except UnreadableDocument as error:
        return Outcome(document.name, DocumentOutcome.REFUSED, str(error))
    if reading.needs_ocr:
        return _store_scan(case, document.name, filename, data, media_type, user)
    language = detect_language(reading.text)
    found = extract_all(reading.text, names, language, words)
    metadata = {
        "kind": "other",
        "title": PurePath(filename).stem.replace("_", " ")[:400],
        "language": language,
        "access_level": "restricted",
    }
    with transaction.atomic():
        result = evidence.add_source_from_bytes(
            case,
            data=data,
            filename=filename,
            metadata=metadata,
            user=user,
            media_type=media_type,
            text=reading.text,
            tool=reading.tool,
        )
        _save_candidates(result.source, found)
    return Outcome(document.name, DocumentOutcome.STORED, "", result.source.pk, len(found))


def _save_candidates(source: Source, found) -> None:
    """The extractors' findings, each a candidate awaiting review."""
    Candidate.objects.bulk_create(
        Candidate(
            source=source, kind=c.kind, start=c.start, end=c.end, text=c.text[:1000], data=c.data
        )
        for c in found
    )


def _store_scan(case, name: str, filename: str, data: bytes, media_type: str, user) -> Outcome:
    """A scan is stored at once; a worker reads it by OCR, then extracts its candidates
    (extract_after_ocr)."""
    metadata = {
        "kind": "other",
        "title": PurePath(filename).stem.replace("_", " ")[:400],
        "access_level": "restricted",
    }
    result = evidence.add_source_from_bytes(
        case,
        data=data,
        filename=filename,
        metadata=metadata,
        user=user,
        media_type=media_type,
        extract_candidates=True,
    )
    reason = _("a scan: its text is being read by OCR")
    return Outcome(name, DocumentOutcome.STORED, reason, result.source.pk)


def extract_after_ocr(sender, run, copy, **kwargs) -> None:
    """Once OCR has read a scan that ingestion stored, its candidates are found as for any
    text (connected in IngestConfig.ready)."""
    if not run.extract_candidates:
        return
    source = run.source
    if not source.language and (language := detect_language(copy.text)):
        evidence.update_source(source, changes={"language": language}, user=run.created_by)
    found = extract_all(copy.text, gazetteer(), source.language, word_additions())
    _save_candidates(source, found)


def extract_again(sender, source, copy, **kwargs) -> None:
    """A person's correction of an ingested source's text is read again: the candidates still
    pending are replaced by those found in the new version (those already accepted or rejected
    stay, with their claims). Connected in IngestConfig.ready."""
    if copy.method != WorkingCopy.Method.EDITED or not source.candidates.exists():
        return
    source.candidates.filter(status=Candidate.Status.PENDING).delete()
    found = extract_all(copy.text, gazetteer(), source.language)
    _save_candidates(source, found)


# The job's counter of each outcome.
COUNTERS = {
    DocumentOutcome.STORED: "stored",
    DocumentOutcome.PRESENT: "already_present",
    DocumentOutcome.REFUSED: "refused",
}


def _resume(job: IngestJob, documents: Iterable[Document]) -> Iterable[Document]:
    """A job run again after its worker died goes on from its saved report: the counters are
    counted again from it and the documents it lists are skipped (the order is stable)."""
    for field in [*COUNTERS.values(), "candidates"]:
        setattr(job, field, 0)
    for line in job.report:
        field = COUNTERS[line["outcome"]]
        setattr(job, field, getattr(job, field) + 1)
        job.candidates += line.get("candidates", 0)
    job.processed = len(job.report)
    return itertools.islice(documents, job.processed, None)


def _stored_before_the_worker_died(job: IngestJob, outcome: Outcome) -> Outcome:
    """A document this job stored after its report was last saved, then found again on resuming,
    is reported as stored, not as already present."""
    source = Source.objects.filter(
        pk=outcome.source_id, created_at__gte=job.created_at, created_by=job.created_by
    ).first()
    if source is None:
        return outcome
    return Outcome(outcome.name, DocumentOutcome.STORED, "", source.pk, source.candidates.count())


# The report grows with every document: saving it after each one would rewrite it n times over
# a run (quadratic); the counters are saved after every document, the report every so many.
REPORT_EVERY = 25


def run(
    job: IngestJob,
    documents: Iterable[Document],
    *,
    total: int | None = None,
    progress: Callable[[IngestJob, Outcome], None] = lambda job, outcome: None,
) -> IngestJob:
    """Ingest every document, each in its own short transaction, saving the job's counters
    after each one and its report every REPORT_EVERY documents and when the run ends or fails."""
    IngestJob.objects.filter(pk=job.pk).update(status=IngestJob.Status.RUNNING)
    job.status = IngestJob.Status.RUNNING
    if total is not None:
        job.total = total
        job.save(update_fields=["total", "status"])
    names, words = gazetteer(), word_additions()
    resuming = job.processed > 0
    if resuming:
        documents = _resume(job, documents)
    saved = ["processed", "stored", "already_present", "refused", "candidates", "total"]
    try:
        for document in documents:
            outcome = ingest_document(
                job.case, document, user=job.created_by, names=names, words=words
            )
            if resuming and outcome.outcome == DocumentOutcome.PRESENT:
                outcome = _stored_before_the_worker_died(job, outcome)
            job.processed += 1
            setattr(job, COUNTERS[outcome.outcome], getattr(job, COUNTERS[outcome.outcome]) + 1)
            job.candidates += outcome.candidates
            job.report.append(outcome.as_dict())
            job.total = max(job.total, job.processed)
            report = ["report"] if job.processed % REPORT_EVERY == 0 else []
            job.save(update_fields=saved + report)
            progress(job, outcome)
    finally:
        job.save(update_fields=["report"])
    job.status = IngestJob.Status.DONE
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "finished_at"])
    return job
