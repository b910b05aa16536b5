"""Publishing is its own step: a verified claim, a public source or a verified recognition act
reaches the public site, the open data, the feed and the dossier only when a researcher publishes
it, and leaves them when it is withdrawn. Each is a save of an audited record, so both are in the
audit log, and each save renews the public pages' cache (vigil.dossier.publication).

The case's public summary may state no casualty figure that the public figures table does not
show: it is checked when it is saved and before anything is published.
"""

import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vigil.dossier import public
from vigil.evidence import review
from vigil.evidence.models import Claim, Figure, Source
from vigil.formats import grouped
from vigil.recognition.models import RecognitionAct

# A number ("613", "1,275", "1 275") followed within three words by what a casualty figure counts.
_STATED_FIGURE = re.compile(
    r"(?<![\d.,])(\d{1,3}(?:[,\u00a0\u202f ]\d{3})+|\d+)(?![\d.,]\d)"
    r"(?=(?:\s+[^\s\d]+){0,3}?\s+(?:people\s+)?"
    r"(?:killed|dead|deaths?|died|murdered|wounded|injured|missing|hostages?|displaced|victims)\b)",
    re.IGNORECASE,
)


@dataclass
class Publication:
    """What a publish step makes public: the claims, and the sources they need."""

    claims: list = field(default_factory=list)
    sources: list = field(default_factory=list)


def _person(user):
    return user if user is not None and user.is_authenticated else None


def stated_figures(summary: str) -> list[int]:
    """The casualty figures a summary states, in the order it states them."""
    return [int(re.sub(r"\D", "", match)) for match in _STATED_FIGURE.findall(summary or "")]


def shown_figures(case, extra_claims=()) -> set[int]:
    """Every number the public figures table shows (each end of each range), plus those of
    `extra_claims` about to be published."""
    claims = []
    if case.pk is not None:
        claims = list(public.public_claims(case).values_list("pk", flat=True))
    claims += [claim.pk for claim in extra_claims]
    numbers = set()
    for low, high in Figure.objects.filter(claim__in=claims).values_list("low", "high"):
        numbers.update(value for value in (low, high) if value is not None)
    return numbers


def summary_mismatches(case, summary: str | None = None, extra_claims=()) -> list[int]:
    """The figures the summary states that no published figure shows."""
    shown = shown_figures(case, extra_claims)
    text = case.summary if summary is None else summary
    return [number for number in stated_figures(text) if number not in shown]


def check_summary(case, summary: str | None = None, extra_claims=()) -> None:
    missing = summary_mismatches(case, summary, extra_claims)
    if missing:
        raise ValidationError(
            _(
                "The public summary states %(figures)s, but no published figure shows it. "
                "Publish the figure first, or correct the summary."
            )
            % {"figures": ", ".join(grouped(number) for number in missing)}
        )


def plan_claims(claims) -> Publication:
    """What publishing these claims makes public: refuses a claim that is not verified or whose
    source is not public; lists the sources that are published with them."""
    plan = Publication()
    for claim in claims:
        if claim.review_status != Claim.Review.VERIFIED:
            raise ValidationError(
                _("Only a verified claim can be published: “%(claim)s”.") % {"claim": claim}
            )
        if claim.is_self_verified and review.reviews_needed():
            # Verified by its author alone while one person sufficed (VIGIL_REVIEWERS=1): under
            # the two-person rule now in force, it needs another researcher first.
            raise ValidationError(
                _(
                    "“%(claim)s” was verified by its author alone: another researcher must "
                    "verify it before it is published."
                )
                % {"claim": claim}
            )
        if claim.source.access_level != Source.Access.PUBLIC:
            raise ValidationError(
                _("“%(claim)s” comes from a source that is not public.") % {"claim": claim}
            )
        if not claim.is_published:
            plan.claims.append(claim)
        if not claim.source.is_published and claim.source not in plan.sources:
            plan.sources.append(claim.source)
    return plan


def _stamp(record, user) -> None:
    record.published_at = timezone.now()
    record.published_by = _person(user)
    record.save(update_fields=["published_at", "published_by"])


def _unstamp(record) -> None:
    record.published_at, record.published_by = None, None
    record.save(update_fields=["published_at", "published_by"])


@transaction.atomic
def publish_claims(case, claims, *, user=None) -> Publication:
    """Publish verified claims (and their public sources not yet published)."""
    claims = list(claims)
    if any(claim.case_id != case.pk for claim in claims):
        raise ValidationError(_("A claim of another case cannot be published here."))
    plan = plan_claims(claims)
    check_summary(case, extra_claims=claims)
    for source in plan.sources:
        _stamp(source, user)
    for claim in plan.claims:
        _stamp(claim, user)
    return plan


@transaction.atomic
def publish_source(source: Source, *, user=None) -> Source:
    if source.access_level != Source.Access.PUBLIC:
        raise ValidationError(_("Only a source whose access is public can be published."))
    check_summary(source.case)
    if not source.is_published:
        _stamp(source, user)
    return source


@transaction.atomic
def publish_act(act: RecognitionAct, *, user=None) -> RecognitionAct:
    if act.review != RecognitionAct.Review.VERIFIED:
        raise ValidationError(_("Only a verified recognition act can be published."))
    check_summary(act.case)
    if not act.is_published:
        _stamp(act, user)
    return act


def withdraw(record) -> None:
    """Take a claim, a source or a recognition act off the public site, the open data, the feed
    and the dossier. A withdrawn source takes its claims with it (they need a public source)."""
    if record.is_published:
        _unstamp(record)


def awaiting_publication(case):
    """The verified claims from public sources that are not yet published."""
    # The case's public sources as a list of ids, which the unpublished claims' partial index
    # (evidence_claim_unpublished) then matches: no claim's row is read to count them.
    public_sources = Source.objects.filter(case=case, access_level=Source.Access.PUBLIC)
    return (
        Claim.objects.filter(
            case=case,
            review_status=Claim.Review.VERIFIED,
            published_at__isnull=True,
            source__in=public_sources.values("pk"),
        )
        .select_related("source", "case", "figure")
        .order_by("source__title", "pk")
    )


class RecordKind(models.TextChoices):
    """The kinds of record a researcher publishes, by the name the pages' addresses, the
    command and the API use."""

    CLAIM = "claim", gettext_lazy("claim")
    SOURCE = "source", gettext_lazy("source")
    ACT = "act", gettext_lazy("recognition act")


KINDS = {RecordKind.CLAIM: Claim, RecordKind.SOURCE: Source, RecordKind.ACT: RecognitionAct}


def records_by_id(case, kind: str, ids) -> list:
    """The case's records of `kind` with these ids, in that order; names any id not found."""
    ids = list(dict.fromkeys(ids))
    found = {record.pk: record for record in KINDS[kind].objects.filter(case=case, pk__in=ids)}
    missing = [str(pk) for pk in ids if pk not in found]
    if missing:
        raise ValidationError(
            _("No %(kind)s %(ids)s in this case.") % {"kind": kind, "ids": ", ".join(missing)}
        )
    return [found[pk] for pk in ids]


@transaction.atomic
def publish_records(case, kind: str, records, *, user=None) -> Publication:
    """Publish claims, sources or acts, all or none (a refusal leaves every one as it was)."""
    if kind == RecordKind.CLAIM:
        return publish_claims(case, records, user=user)
    publish = publish_source if kind == RecordKind.SOURCE else publish_act
    for record in records:
        publish(record, user=user)
    return Publication(sources=list(records) if kind == RecordKind.SOURCE else [])


@transaction.atomic
def withdraw_records(records) -> None:
    for record in records:
        withdraw(record)
