"""Turning candidates into claims: accept (one or a whole kind), or reject."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from vigil.evidence import services as evidence
from vigil.evidence.models import Claim
from vigil.law import services as law
from vigil.law.models import Element
from vigil.partial_dates import Precision

from .models import Candidate

CLAIM_TYPES = {
    Candidate.Kind.FIGURE: Claim.Type.FIGURE,
    Candidate.Kind.DATE: Claim.Type.EVENT,
    Candidate.Kind.LEGAL_REF: Claim.Type.OTHER,
    Candidate.Kind.COUNTRY: Claim.Type.ACTOR,
    Candidate.Kind.ORGANIZATION: Claim.Type.ACTOR,
}


def sentence_around(text: str, start: int, end: int, limit: int = 400) -> str:
    """The sentence holding the span, as the claim's statement."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    right_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i != -1]
    right = min(right_candidates) + 1 if right_candidates else len(text)
    sentence = " ".join(text[left + 1 : right].split())
    return sentence if len(sentence) <= limit else " ".join(text[start:end].split())


def locator(candidate: Candidate) -> str:
    return f"characters {candidate.start}–{candidate.end}: “{candidate.text}”"


def _partial(value: str) -> tuple[datetime.date, str]:
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return datetime.date(*parts), Precision.DAY
    if len(parts) == 2:
        return datetime.date(parts[0], parts[1], 1), Precision.MONTH
    return datetime.date(parts[0], 1, 1), Precision.YEAR


@transaction.atomic
def accept(candidate: Candidate, *, user=None, statement: str = "") -> Claim:
    """Create the claim the candidate proposes, with its span as the locator."""
    source = candidate.source
    fields = {
        "statement": statement or sentence_around(source.text, candidate.start, candidate.end),
        "claim_type": CLAIM_TYPES[candidate.kind],
        "locator": locator(candidate)[:1000],
    }
    figure = None
    if candidate.kind == Candidate.Kind.DATE:
        fields["occurred_on"], fields["occurred_precision"] = _partial(candidate.data["value"])
    if candidate.kind == Candidate.Kind.FIGURE:
        figure = {
            "category": candidate.data["category"],
            "low": candidate.data["low"],
            "high": candidate.data["high"],
            "population": candidate.data.get("population", "")[:300],
        }
    claim = evidence.add_claim(source, fields=fields, figure=figure, user=user)
    candidate.status = Candidate.Status.ACCEPTED
    candidate.claim = claim
    candidate.save(update_fields=["status", "claim"])
    return claim


def elements_offered(candidates) -> dict[int, list[Element]]:
    """For each legal-reference candidate that names provisions the law app holds, the elements
    of the crimes those provisions define, in the matrix's order: one query for all of them."""
    codes = {code for c in candidates for code in c.data.get("provisions", [])}
    if not codes:
        return {}
    by_provision: dict[str, list[Element]] = {}
    for element in Element.objects.filter(crime__provision__code__in=codes).select_related(
        "crime__provision"
    ):
        by_provision.setdefault(element.crime.provision.code, []).append(element)
    return {
        c.pk: [e for code in c.data.get("provisions", []) for e in by_provision.get(code, [])]
        for c in candidates
        if c.data.get("provisions")
    }


@transaction.atomic
def accept_legal_reference(
    candidate: Candidate, *, elements, bearing: str, strength: str, user=None, statement: str = ""
) -> Claim:
    """Accept a legal reference as a claim linked to the elements of crimes its provision
    defines (each link through the law app's `link_claim`, so audited like any other). Refuses
    an element the candidate's provisions do not define."""
    offered = {e.pk for e in elements_offered([candidate]).get(candidate.pk, [])}
    elements = list(elements)
    if not elements or any(e.pk not in offered for e in elements):
        raise ValidationError(_("Choose elements of the crime this provision defines."))
    claim = accept(candidate, user=user, statement=statement)
    for element in elements:
        law.link_claim(
            claim.case, claim=claim, element=element, bearing=bearing, strength=strength, user=user
        )
    return claim


def reject(candidate: Candidate) -> None:
    candidate.status = Candidate.Status.REJECTED
    candidate.save(update_fields=["status"])


def accept_kind(source, kind: str, *, user=None) -> int:
    pending = source.candidates.filter(kind=kind, status=Candidate.Status.PENDING)
    count = 0
    for candidate in pending:
        accept(candidate, user=user)
        count += 1
    return count


def highlighted(text: str, candidates) -> list[tuple[str, Candidate | None]]:
    """The text cut into pieces, each either plain or one candidate's span (outermost wins).
    A candidate found in an earlier version of the text, whose span no longer holds its words,
    is not highlighted."""
    pieces, position = [], 0
    for candidate in sorted(candidates, key=lambda c: (c.start, -c.end)):
        if candidate.start < position or text[candidate.start : candidate.end][:1000] != (
            candidate.text
        ):
            continue
        pieces.append((text[position : candidate.start], None))
        pieces.append((text[candidate.start : candidate.end], candidate))
        position = candidate.end
    pieces.append((text[position:], None))
    return pieces
