"""Recognition: the bodies that can recognise an event, the acts they adopted, and the pipeline
of those not yet won, through the same services as the pages."""

import datetime
from typing import Literal

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.urls import reverse
from ninja import Query, Router, Schema, Status

from vigil.api import paging
from vigil.api.common import absolute_url, answers, changed_since, page_of, run_form
from vigil.cases.access import get_case_for_user
from vigil.evidence.access import visible_sources
from vigil.recognition import services
from vigil.recognition.forms import MoveForm, RecognitionActForm
from vigil.recognition.models import Actor, Characterisation, RecognitionAct, StageChange, Target

router = Router(tags=["recognition"])

ActorKind = Literal[tuple(Actor.Kind.values)]
CharacterisationValue = Literal[tuple(Characterisation.values)]
ActStatus = Literal[tuple(RecognitionAct.Status.values)]
ActReview = Literal[tuple(RecognitionAct.Review.values)]
Instrument = Literal[tuple(RecognitionAct.Instrument.values)]
Stage = Literal[tuple(Target.Stage.values)]


class ActorOut(Schema):
    id: int
    url: str
    name: str
    kind: str
    country_code: str
    parent_id: int | None
    scope: str

    @staticmethod
    def resolve_name(actor) -> str:
        return actor.display_name

    @staticmethod
    def resolve_url(actor, context) -> str:
        # Bodies have no page of their own: their address is the API's.
        return context["request"].build_absolute_uri(reverse("api:actor", args=[actor.pk]))


class ActorFilters(paging.ListParams):
    kind: ActorKind | None = None
    country: str | None = None
    q: str | None = None
    sort: Literal["id", "-id", "name", "-name"] = "name"


@router.get("/actors", response=answers(page_of(ActorOut)), url_name="actors")
def list_actors(request, filters: Query[ActorFilters]):
    """Every body that can recognise an event (states from ISO 3166-1, and those users added)."""
    actors = Actor.objects.all()
    if filters.kind:
        actors = actors.filter(kind=filters.kind)
    if filters.country:
        actors = actors.filter(country_code=filters.country.upper())
    if filters.q:
        actors = actors.filter(name__icontains=filters.q)
    return paging.page(
        actors, sort=filters.sort, cursor=filters.cursor, limit=filters.limit, request=request
    )


@router.get("/actors/{int:pk}", response=answers(ActorOut), url_name="actor")
def get_actor(request, pk: int):
    return get_object_or_404(Actor, pk=pk)


class ActOut(Schema):
    id: int
    url: str
    case: str
    actor: ActorOut
    date: str
    instrument: str
    characterisation: str
    wording: str
    status: str
    review: str
    notes: str
    sources: list[str]
    created_at: datetime.datetime
    is_published: bool

    @staticmethod
    def resolve_url(act, context) -> str:
        return absolute_url(context["request"], act)

    @staticmethod
    def resolve_case(act) -> str:
        return act.case.slug

    @staticmethod
    def resolve_date(act) -> str:
        return act.date_iso

    @staticmethod
    def resolve_sources(act, context) -> list[str]:
        # Only the sources the caller may see (prefetched so by _acts).
        return [absolute_url(context["request"], source) for source in act.sources.all()]

    @staticmethod
    def resolve_is_published(act) -> bool:
        return act.published_at is not None


class ActFilters(paging.ListParams):
    characterisation: CharacterisationValue | None = None
    status: ActStatus | None = None
    review: ActReview | None = None
    country: str | None = None
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    updated_since: datetime.datetime | None = None
    sort: Literal["id", "-id", "created_at", "-created_at"] = "id"


class ActIn(Schema):
    """A recognition act as the page's form takes it; `date` is YYYY, YYYY-MM or YYYY-MM-DD and
    `sources` are ids of sources of the case."""

    actor: int
    date: str = ""
    instrument: Instrument
    characterisation: CharacterisationValue
    wording: str
    status: ActStatus
    review: ActReview = "unverified"
    notes: str = ""
    sources: list[int] = []


def _acts(request, case):
    sources = visible_sources(request.user, case).defer("text").order_by("pk")
    return (
        RecognitionAct.objects.filter(case=case)
        .select_related("case", "actor")
        .prefetch_related(Prefetch("sources", queryset=sources))
    )


@router.get("/cases/{slug}/recognition-acts", response=answers(page_of(ActOut)), url_name="acts")
def list_acts(request, slug: str, filters: Query[ActFilters]):
    case = get_case_for_user(request.user, slug)
    acts = _acts(request, case)
    if filters.characterisation:
        acts = acts.filter(characterisation=filters.characterisation)
    if filters.status:
        acts = acts.filter(status=filters.status)
    if filters.review:
        acts = acts.filter(review=filters.review)
    if filters.country:
        acts = acts.filter(actor__country_code=filters.country.upper())
    if filters.date_from:
        acts = acts.filter(date__gte=filters.date_from)
    if filters.date_to:
        acts = acts.filter(date__lte=filters.date_to)
    acts = changed_since(acts, filters.updated_since)
    return paging.page(
        acts, sort=filters.sort, cursor=filters.cursor, limit=filters.limit, request=request
    )


@router.get("/cases/{slug}/recognition-acts/{int:pk}", response=answers(ActOut), url_name="act")
def get_act(request, slug: str, pk: int):
    case = get_case_for_user(request.user, slug)
    return get_object_or_404(_acts(request, case), pk=pk)


@router.post("/cases/{slug}/recognition-acts", response=answers(ActOut, 201), url_name="acts")
def record_act(request, slug: str, payload: ActIn):
    """Record a recognition act (as "Record an act" on the recognition page)."""
    case = get_case_for_user(request.user, slug, edit=True)
    data = payload.dict()
    data["when"] = data.pop("date")
    form = RecognitionActForm(data, case=case, sources_queryset=visible_sources(request.user, case))
    run_form(form)
    act = services.record_act(
        case, fields=form.act_fields(), sources=form.cleaned_data["sources"], user=request.user
    )
    return Status(201, get_object_or_404(_acts(request, case), pk=act.pk))


class StageChangeOut(Schema):
    from_stage: str
    to_stage: str
    changed_at: datetime.datetime
    note: str


class TargetOut(Schema):
    id: int
    url: str
    case: str
    actor: ActorOut
    stage: str
    next_step: str
    due_date: datetime.date | None
    chapter_id: int | None

    @staticmethod
    def resolve_url(target, context) -> str:
        return absolute_url(context["request"], target)

    @staticmethod
    def resolve_case(target) -> str:
        return target.case.slug


class TargetDetailOut(TargetOut):
    history: list[StageChangeOut]

    @staticmethod
    def resolve_history(target):
        return list(StageChange.objects.filter(target=target).order_by("changed_at", "pk"))


class TargetFilters(paging.ListParams):
    stage: Stage | None = None
    country: str | None = None
    due_before: datetime.date | None = None
    updated_since: datetime.datetime | None = None
    sort: Literal["id", "-id"] = "id"


class MoveIn(Schema):
    stage: Stage
    note: str = ""


def _targets(case):
    return Target.objects.filter(case=case).select_related("case", "actor")


@router.get("/cases/{slug}/targets", response=answers(page_of(TargetOut)), url_name="targets")
def list_targets(request, slug: str, filters: Query[TargetFilters]):
    """The recognition pipeline: bodies not yet won, by stage."""
    targets = _targets(get_case_for_user(request.user, slug))
    if filters.stage:
        targets = targets.filter(stage=filters.stage)
    if filters.country:
        targets = targets.filter(actor__country_code=filters.country.upper())
    if filters.due_before:
        targets = targets.filter(due_date__lt=filters.due_before)
    targets = changed_since(targets, filters.updated_since)
    return paging.page(
        targets, sort=filters.sort, cursor=filters.cursor, limit=filters.limit, request=request
    )


@router.get("/cases/{slug}/targets/{int:pk}", response=answers(TargetDetailOut), url_name="target")
def get_target(request, slug: str, pk: int):
    return get_object_or_404(_targets(get_case_for_user(request.user, slug)), pk=pk)


@router.post(
    "/cases/{slug}/targets/{int:pk}/moves",
    response=answers(TargetDetailOut, 201),
    url_name="target_moves",
)
def move_target(request, slug: str, pk: int, payload: MoveIn):
    """Move a target a stage on or back; the move is kept in its history."""
    case = get_case_for_user(request.user, slug, edit=True)
    target = get_object_or_404(_targets(case), pk=pk)
    data = run_form(MoveForm(payload.dict()))
    services.move_target(target, to_stage=data["stage"], user=request.user, note=data["note"])
    return Status(201, get_object_or_404(_targets(case), pk=pk))
