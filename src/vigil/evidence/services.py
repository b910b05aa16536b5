"""Every change to sources and claims goes through these functions: the web views, the commands
and the importers all call them, so the rules (and the audit log, via AuditedModel) apply alike."""

import hashlib
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from vigil.evidence import archive, ocr_jobs, review, working_copies
from vigil.evidence.models import Claim, Figure, Source, WorkingCopy
from vigil.evidence.text import PLAIN, Reading, media_type_for, read_document, vigil_tool


@dataclass
class SourceResult:
    source: Source
    created: bool


def _actor(user):
    return user if user is not None and user.is_authenticated else None


def find_source_by_hash(case, sha256: str) -> Source | None:
    return Source.objects.filter(case=case, archived_file__sha256=sha256).first()


def add_source_from_bytes(
    case,
    *,
    data: bytes,
    filename: str,
    metadata: dict,
    user=None,
    media_type: str | None = None,
    text: str | None = None,
    tool: str | None = None,
    extract_candidates: bool = False,
) -> SourceResult:
    """Archive the bytes and record a source for them in the case.

    The same bytes already in the case give back the existing source (created=False) and store
    nothing. Unreadable input raises UnreadableDocument before anything is stored. The text
    read becomes version 1 of the source's text working copy, made by `tool` when the caller
    gives the text. A scan is archived at once and read by OCR in a background job (its
    candidates then extracted, with `extract_candidates`).
    """
    media_type = media_type or media_type_for(filename, data)
    existing = find_source_by_hash(case, hashlib.sha256(data).hexdigest())
    if existing is not None:
        return SourceResult(existing, created=False)
    if text is None:
        reading = read_document(data, media_type, filename)
    else:  # read by the caller (ingestion reads and normalises before extracting)
        reading = Reading(text, tool or vigil_tool("text given by the importer"))
    source = Source(case=case, text=reading.text, created_by=_actor(user), **metadata)
    if source.reliability_grade and "reliability_grade" in metadata:
        source.reliability_set_by = _actor(user)
    source.full_clean(exclude=["archived_file"])
    with transaction.atomic():
        source.archived_file = archive.archive_upload(data, name=filename, media_type=media_type)
        source.save()
        if reading.needs_ocr:  # archived now; a worker reads the scan (ocr_jobs)
            ocr_jobs.queue(source, user=user, extract_candidates=extract_candidates)
        else:
            working_copies.record_text_version(
                source,
                text=reading.text,
                method=WorkingCopy.Method.EXTRACTED,
                tool=reading.tool,
                tool_settings={"media_type": media_type},
                user=user,
                new_source=True,
            )
    return SourceResult(source, created=True)


def add_source_from_web(case, *, url: str, text: str, metadata: dict, user=None) -> SourceResult:
    """Record a web page by its address and the text a person pasted from it.

    The pasted text is archived as UTF-8, so it is content-addressed like any upload.
    """
    if not text.strip():
        raise ValidationError({"text": _("Paste the text of the page.")})
    return add_source_from_bytes(
        case,
        data=text.encode("utf-8"),
        filename=url,
        metadata={**metadata, "url": url},
        user=user,
        media_type=PLAIN,
    )


def update_source(source: Source, *, changes: dict, user=None) -> Source:
    """Change a source's metadata; a new reliability grade records who set it."""
    if "reliability_grade" in changes and changes["reliability_grade"] != source.reliability_grade:
        source.reliability_set_by = _actor(user)
    for field, value in changes.items():
        setattr(source, field, value)
    source.full_clean()
    source.save()
    return source


def _save_figure(claim: Claim, figure: dict | None) -> None:
    if claim.claim_type != Claim.Type.FIGURE:
        Figure.objects.filter(claim=claim).delete()
        return
    if not figure:
        raise ValidationError(_("A casualty-figure claim needs its category and number."))
    instance = Figure.objects.filter(claim=claim).first() or Figure(
        claim=claim, case_id=claim.case_id
    )
    for field, value in figure.items():
        setattr(instance, field, value)
    instance.full_clean()
    instance.save()


@transaction.atomic
def add_claim(source: Source, *, fields: dict, figure: dict | None = None, user=None) -> Claim:
    """Record a claim the source makes. Refuses bad grades, ranges and missing sources.

    A review status other than "proposed" is the author's own review, so it obeys the
    two-person rule of review_claim: with VIGIL_REVIEWERS above 1 a claim is never recorded
    verified."""
    if source is None:
        raise ValidationError(_("A claim must come from a source."))
    fields = dict(fields)
    status = fields.pop("review_status", Claim.Review.PROPOSED)
    note = fields.pop("review_note", "")
    claim = Claim(source=source, case_id=source.case_id, created_by=_actor(user), **fields)
    # The text the locator quotes (only pointed at: its text is not read).
    claim.text_version = working_copies.newest_text(source, with_text=False)
    claim.full_clean()
    claim.save()
    _save_figure(claim, figure)
    if status != Claim.Review.PROPOSED:
        review.review_claim(claim, status=status, user=user, note=note)
    elif note:
        claim.review_note = note
        claim.save(update_fields=["review_note"])
    return claim


@transaction.atomic
def update_claim(claim: Claim, *, fields: dict, figure: dict | None = None, user=None) -> Claim:
    """Change what a claim says. A change of review status goes through review_claim's rules."""
    fields = dict(fields)
    # A model form has already set the new status on the instance: the stored one is the truth.
    stored_status, stored_locator = (
        Claim.objects.filter(pk=claim.pk).values_list("review_status", "locator").first()
    )
    status = fields.pop("review_status", claim.review_status)
    claim.review_status = stored_status or claim.review_status
    for field, value in fields.items():
        setattr(claim, field, value)
    if claim.locator != stored_locator:  # a new locator is taken from the newest text
        claim.text_version = working_copies.newest_text(claim.source, with_text=False)
    claim.full_clean()
    claim.save()
    _save_figure(claim, figure)
    if status != claim.review_status:
        review.review_claim(claim, status=status, user=user, note=fields.get("review_note", ""))
    return claim


def review_claim(claim: Claim, *, status: str, user=None, note: str = "") -> Claim:
    """Verify, dispute, reject or propose again; see vigil.evidence.review for the rules."""
    return review.review_claim(claim, status=status, user=user, note=note)
