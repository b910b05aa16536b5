"""Search in a case, as the search page does it: the same index, ranking and access rules,
answered as data a page at a time."""

from ninja import Field, Query, Router, Schema

from vigil.accounts import permissions
from vigil.api.common import absolute_url, answers
from vigil.cases.access import get_case_for_user
from vigil.evidence.search import search_case

router = Router(tags=["search"])

# As the search page: a page number past this is not a page anyone reads.
LAST_PAGE = 10_000
LONGEST_QUERY = 500


class SearchParams(Schema):
    # Bounds in the schema: a bad value is refused as a bad query parameter, and documented.
    q: str = Field("", max_length=LONGEST_QUERY)
    page: int = Field(1, ge=1, le=LAST_PAGE)


class HitOut(Schema):
    kind: str  # "source" or "claim"
    id: int
    url: str
    source_id: int
    title: str  # the source's title, or the claim's statement
    snippet: str  # HTML: the passage, escaped, with the words found in <mark>
    rank: float


class SearchPageOut(Schema):
    items: list[HitOut]
    page: int
    next: str | None = None


def _hit(request, hit) -> dict:
    source = hit.obj if hit.kind == "source" else hit.obj.source
    return {
        "kind": hit.kind,
        "id": hit.obj.pk,
        "url": absolute_url(request, hit.obj),
        "source_id": source.pk,
        "title": source.title if hit.kind == "source" else hit.obj.statement,
        "snippet": str(hit.snippet),
        "rank": hit.rank,
    }


@router.get("/cases/{slug}/search", response=answers(SearchPageOut), url_name="search")
def search(request, slug: str, params: Query[SearchParams]):
    """The case's sources and claims holding every word of `q` (as written, or stemmed), best
    first, fifty a page; sources the caller may not see, and their claims, are left out."""
    case = get_case_for_user(request.user, slug)
    levels = permissions.source_levels(request.user, case)
    hits = search_case(case, params.q, levels=levels, page=params.page)
    next_url = None
    if hits.has_next:
        query = request.GET.copy()
        query["page"] = hits.next_page_number
        next_url = request.build_absolute_uri(f"{request.path}?{query.urlencode()}")
    return {"items": [_hit(request, hit) for hit in hits], "page": hits.number, "next": next_url}
