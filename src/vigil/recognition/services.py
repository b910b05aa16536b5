"""Rules of the recognition tracker: acts, the map's colouring, and the target pipeline."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, F, Prefetch, Q
from django.utils.translation import gettext as _

from vigil.recognition.actors import is_country_code
from vigil.recognition.models import (
    CHARACTERISATION_RANK,
    Actor,
    RecognitionAct,
    StageChange,
    Target,
)


def strongest(characterisations) -> str | None:
    """The strongest word among them: genocide > crime against humanity > war crime > massacre
    > tragedy > other."""
    ranked = sorted(characterisations, key=CHARACTERISATION_RANK.__getitem__)
    return ranked[0] if ranked else None


@dataclass
class CountryRecognition:
    country_code: str
    characterisation: str
    verified: bool
    acts: list[RecognitionAct] = field(default_factory=list)


def country_recognitions(acts) -> dict[str, CountryRecognition]:
    """For each state, the strongest characterisation adopted by the state or any of its
    national bodies; subnational and international acts do not colour a state.

    `verified` is true when at least one verified act carries that strongest word.
    """
    by_country = defaultdict(list)
    for act in acts:
        if act.actor.scope == "national":
            by_country[act.actor.country_code].append(act)
    result = {}
    for code, country_acts in by_country.items():
        adopted = [a for a in country_acts if a.status == RecognitionAct.Status.ADOPTED]
        if not adopted:
            continue
        best = strongest(a.characterisation for a in adopted)
        verified = any(
            a.characterisation == best and a.review == RecognitionAct.Review.VERIFIED
            for a in adopted
        )
        result[code] = CountryRecognition(code, best, verified, country_acts)
    return result


def national_acts(acts):
    """Of `acts` (a queryset), those of a state or one of its national bodies: the acts that
    colour a state on the map."""
    return acts.filter(actor__kind__in=Actor.NATIONAL_KINDS).exclude(actor__country_code="")


def country_summaries(acts) -> dict[str, CountryRecognition]:
    """`country_recognitions` computed by the database from a queryset of acts: one aggregate
    query, however many acts there are. The summaries carry no acts (see `acts_of_country`)."""
    rows = (
        national_acts(acts)
        .filter(status=RecognitionAct.Status.ADOPTED)
        .values("actor__country_code", "characterisation")
        .annotate(verified=Count("pk", filter=Q(review=RecognitionAct.Review.VERIFIED)))
    )
    words: dict[str, dict[str, int]] = defaultdict(dict)
    for row in rows:
        words[row["actor__country_code"]][row["characterisation"]] = row["verified"]
    result = {}
    for code, verified_by_word in words.items():
        best = strongest(verified_by_word)
        result[code] = CountryRecognition(code, best, verified_by_word[best] > 0)
    return result


def acts_of_country(acts, country_code: str):
    """The acts of one state and its national bodies, for the map's details."""
    return national_acts(acts).filter(actor__country_code=country_code)


def acts_for(case, *, sources=None):
    """The case's acts in date order. `sources` narrows the sources fetched with each act to
    those a person may see (pass `visible_sources(user, case)`); `source_total` counts them all,
    so an act whose only sources are hidden is still known to have one."""
    return (
        RecognitionAct.objects.filter(case=case)
        .select_related("case", "actor", "actor__parent")
        .prefetch_related(
            Prefetch("sources", queryset=sources) if sources is not None else "sources"
        )
        .annotate(source_total=Count("sources"))
        .order_by(F("date").asc(nulls_last=True), "pk")
    )


@transaction.atomic
def record_act(case, *, fields: dict, sources=(), user=None) -> RecognitionAct:
    """Record a recognition act; sources are from the case's evidence archive."""
    for source in sources:
        if source.case_id != case.pk:
            raise ValidationError(_("A source of another case cannot support this act."))
    act = RecognitionAct(case=case, **fields)
    act.full_clean()
    act.save()
    act.sources.add(*sources)  # a new act has none to compare with, as set() would
    return act


@transaction.atomic
def update_act(act: RecognitionAct, *, fields: dict, sources=None) -> RecognitionAct:
    for name, value in fields.items():
        setattr(act, name, value)
    act.full_clean()
    act.save()
    if sources is not None:
        act.sources.set(sources)
    return act


def find_duplicate(case, *, actor, characterisation, date, instrument, exclude_pk=None):
    """An existing act of the same actor, word, instrument and date, if any."""
    acts = RecognitionAct.objects.filter(
        case=case, actor=actor, characterisation=characterisation, instrument=instrument, date=date
    )
    if exclude_pk:
        acts = acts.exclude(pk=exclude_pk)
    return acts.first()


# --- the target pipeline -----------------------------------------------------------------------


def won_actor_ids(case) -> set[int]:
    return set(
        RecognitionAct.objects.filter(case=case, status=RecognitionAct.Status.ADOPTED).values_list(
            "actor_id", flat=True
        )
    )


@transaction.atomic
def find_or_add_body(*, name: str, kind: str, country_code: str = "") -> Actor:
    """The body of that name (in that country, or international without one), added if it is
    new: a parliament, committee, organisation … that may then be a target or act. A body with
    a country is part of that country's state."""
    name, country_code = name.strip(), country_code.strip().upper()
    if kind == Actor.Kind.STATE:
        raise ValidationError(_("States are preloaded; add their bodies instead."))
    if country_code and not is_country_code(country_code):
        raise ValidationError(
            _("%(code)s is not an ISO 3166-1 alpha-3 code.") % {"code": country_code}
        )
    existing = Actor.objects.filter(name__iexact=name, country_code=country_code).first()
    if existing is not None:
        return existing
    parent = None
    if country_code:
        parent = Actor.objects.filter(kind=Actor.Kind.STATE, country_code=country_code).first()
    body = Actor(name=name, kind=kind, country_code=country_code, parent=parent)
    body.full_clean()
    body.save()
    return body


@transaction.atomic
def create_target(
    case, *, actor: Actor | None = None, new_body: dict | None = None, user=None, **fields
) -> Target:
    """Put an actor in the case's pipeline, with the first entry of its history. The actor may
    be any body, or one named in `new_body` (the arguments of `find_or_add_body`)."""
    if actor is None:
        actor = find_or_add_body(**new_body)
    if Target.objects.filter(case=case, actor=actor).exists():
        raise ValidationError(_("%(actor)s is already in the pipeline.") % {"actor": actor})
    target = Target(case=case, actor=actor, **fields)
    target.full_clean()
    target.save()
    StageChange.objects.create(target=target, from_stage="", to_stage=target.stage, changed_by=user)
    return target


@transaction.atomic
def move_target(target: Target, *, to_stage: str, user=None, note: str = "") -> StageChange:
    """Move a target to another stage, keeping the history. Moving to "adopted" is the moment to
    record the recognition act: the caller offers it (see `needs_act`)."""
    if to_stage not in Target.Stage.values:
        raise ValidationError(_("Unknown stage: %(stage)s") % {"stage": to_stage})
    if to_stage == target.stage:
        raise ValidationError(_("The target is already at this stage."))
    change = StageChange.objects.create(
        target=target, from_stage=target.stage, to_stage=to_stage, changed_by=user, note=note
    )
    target.stage = to_stage
    target.save(update_fields=["stage"])
    return change


def needs_act(target: Target) -> bool:
    """True when the target is adopted but no adopted act of its actor is recorded yet."""
    return (
        target.stage == Target.Stage.ADOPTED
        and not RecognitionAct.objects.filter(
            case=target.case, actor=target.actor, status=RecognitionAct.Status.ADOPTED
        ).exists()
    )


def overdue_targets(case, today):
    return (
        Target.objects.filter(case=case, due_date__lt=today, stage__in=Target.OPEN_STAGES)
        .select_related("case", "actor", "owner")
        .order_by("due_date")
    )
