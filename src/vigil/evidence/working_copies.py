"""Working copies: what Vigil derives from a source's original bytes, version after version.

The original is archived once and never changed. Its text (read from the file, or by OCR from a
scan) is version 1 of the source's text working copy; a person correcting it makes version 2,
and so on, every version kept with how it was made. The source's `text` always holds the newest
version, so search and extraction read it; a claim keeps the version its locator was taken from.
"""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.dispatch import Signal
from django.utils.translation import gettext as _

from vigil.evidence.models import Claim, Source, WorkingCopy
from vigil.evidence.text import vigil_tool
from vigil.text_input import KEPT, PAGE_BREAK, strip_control_characters

# Sent when a source has a new text version: `source` and `copy` (ingestion extracts again).
text_version_made = Signal()

# What the versions migrated from before working copies say of how they were made.
UNKNOWN_TOOL = "unknown (before working copies)"


def _actor(user):
    return user if user is not None and user.is_authenticated else None


def newest_text(source: Source, *, with_text: bool = True) -> WorkingCopy | None:
    """The source's newest text version; without its text (which can run to megabytes) when the
    caller only points at it."""
    versions = WorkingCopy.objects.filter(source=source, kind=WorkingCopy.Kind.TEXT)
    if not with_text:
        versions = versions.defer("text")
    return versions.order_by("-version").first()


def text_versions(source: Source):
    """The source's text versions, newest first, without their (long) texts."""
    return (
        WorkingCopy.objects.filter(source=source, kind=WorkingCopy.Kind.TEXT)
        .select_related("made_by")
        .defer("text")
        .order_by("-version")
    )


def record_text_version(
    source: Source,
    *,
    text: str,
    method: str,
    tool: str,
    tool_settings: dict | None = None,
    note: str = "",
    user=None,
    new_source: bool = False,
) -> WorkingCopy:
    """Make the next version of the source's text, and make it the text search and extraction
    read. Earlier versions stay as they were. `new_source`: the source was made in the caller's
    transaction, so no one else sees it yet and this is its version 1."""
    with transaction.atomic():
        last = None if new_source else _lock_and_count(source)
        copy = WorkingCopy.objects.create(
            source=source,
            original_id=source.archived_file_id,
            kind=WorkingCopy.Kind.TEXT,
            version=(last or 0) + 1,
            text=text,
            method=method,
            tool=tool[:200],
            tool_settings=tool_settings or {},
            note=note,
            made_by=_actor(user),
        )
        if source.text != text:
            source.text = text
            source.save(update_fields=["text"])
        text_version_made.send(sender=WorkingCopy, source=source, copy=copy)
    return copy


def _lock_and_count(source: Source) -> int | None:
    # Two edits at once must not both take the same number: the source's row is the lock.
    Source.objects.select_for_update().filter(pk=source.pk).exists()
    return (
        WorkingCopy.objects.filter(source=source, kind=WorkingCopy.Kind.TEXT)
        .order_by("-version")
        .values_list("version", flat=True)
        .first()
    )


def edit_text(source: Source, *, text: str, note: str, user=None) -> WorkingCopy:
    """A person's corrected text becomes the source's next text version; `note` says why."""
    text = strip_control_characters(text, keep=KEPT + PAGE_BREAK).replace("\r\n", "\n")
    if not text.strip():
        raise ValidationError({"text": _("The text cannot be empty.")})
    if not note.strip():
        raise ValidationError({"note": _("Say what you changed and why.")})
    current = newest_text(source)
    if current is not None and current.text == text:
        raise ValidationError({"text": _("The text is the same as the newest version.")})
    return record_text_version(
        source,
        text=text,
        method=WorkingCopy.Method.EDITED,
        tool=vigil_tool("edited by hand"),
        tool_settings={"from_version": current.version if current else None},
        note=note.strip(),
        user=user,
    )


# A locator quotes its passage between typographic or straight double quotes.
_QUOTED = re.compile(r"[“\"](.+?)[”\"]", re.DOTALL)
_SPACES = re.compile(r"\s+")


def quoted_passage(locator: str) -> str:
    """The passage a locator quotes ("" when it gives only a page or a paragraph)."""
    match = _QUOTED.search(locator)
    return match.group(1).strip() if match else ""


def _comparable(text: str) -> str:
    return _SPACES.sub(" ", text).casefold().strip()


@dataclass
class QuoteCheck:
    passage: str
    version: int | None  # None: Vigil holds no text of the source
    found: bool | None  # None: the locator quotes nothing, or that version is not there


def check_quote(claim: Claim) -> QuoteCheck:
    """Whether the passage the claim's locator quotes is in the text version it was taken from
    (never the newest, which may have been corrected since)."""
    passage = quoted_passage(claim.locator)
    number = claim.quoted_version
    if claim.text_version_id:
        quoted = claim.text_version
    else:
        quoted = (
            WorkingCopy.objects.filter(
                source_id=claim.source_id, kind=WorkingCopy.Kind.TEXT, version=number
            )
            .only("text")
            .first()
        )
    if quoted is None:  # a source known by its description only: Vigil holds no text of it
        return QuoteCheck(passage, None, None)
    if not passage:
        return QuoteCheck(passage, number, None)
    return QuoteCheck(passage, number, _comparable(passage) in _comparable(quoted.text))
