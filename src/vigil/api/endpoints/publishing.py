"""Publishing: the deliberate step that puts verified claims, public sources and verified
recognition acts on the public site, the open data, the feed and the dossier, and takes them off
again. The same services, and so the same rules (the two-person review, the public summary), as
the publishing page and `vigil publish`; all or nothing, audited under the caller's name."""

from typing import Literal

from ninja import Router, Schema

from vigil.api.common import answers
from vigil.cases.access import get_case_for_user
from vigil.dossier import publishing

router = Router(tags=["publishing"])

Kind = Literal[tuple(publishing.RecordKind.values)]


class PublicationIn(Schema):
    kind: Kind
    ids: list[int]


class PublicationOut(Schema):
    kind: str
    ids: list[int]
    sources_published_with_them: list[int] = []


@router.post(
    "/cases/{slug}/publications",
    response=answers(PublicationOut),
    url_name="publications",
)
def publish(request, slug: str, payload: PublicationIn):
    """Publish claims (with their public sources not yet published), sources or recognition
    acts of the case. A claim must be verified by two people (VIGIL_REVIEWERS) and come from a
    public source, an act must be verified, and the public summary may state no figure left
    unpublished; one refusal publishes none (422, naming it)."""
    case = get_case_for_user(request.user, slug, edit=True)
    records = publishing.records_by_id(case, payload.kind, payload.ids)
    plan = publishing.publish_records(case, payload.kind, records, user=request.user)
    sources = [s.pk for s in plan.sources] if payload.kind == publishing.RecordKind.CLAIM else []
    return {
        "kind": payload.kind,
        "ids": [r.pk for r in records],
        "sources_published_with_them": sources,
    }


@router.post(
    "/cases/{slug}/withdrawals",
    response=answers(PublicationOut),
    url_name="withdrawals",
)
def withdraw(request, slug: str, payload: PublicationIn):
    """Take claims, sources or recognition acts off the public site, the open data, the feed and
    the dossier (a withdrawn source takes its claims with it)."""
    case = get_case_for_user(request.user, slug, edit=True)
    records = publishing.records_by_id(case, payload.kind, payload.ids)
    publishing.withdraw_records(records)
    return {"kind": payload.kind, "ids": [r.pk for r in records]}
