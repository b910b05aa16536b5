"""Full-text search over a case's source texts and claims, with each database's own engine:
SQLite's FTS5 (an index kept up to date on every save) and PostgreSQL's text search."""

import re
from dataclasses import dataclass

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import QuerySet
from django.db.models.signals import post_delete, post_save
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from vigil.evidence.models import Claim, Source

FTS_TABLE = "evidence_fts"
# Markers that cannot occur in text; replaced with <mark> only after HTML-escaping the snippet.
_START, _STOP = "\x02", "\x03"
_WORD = re.compile(r"\w+", re.UNICODE)
# The 'simple' configuration does not stem, so PostgreSQL and SQLite find the same words.
PG_CONFIG = "simple"


@dataclass
class SearchHit:
    kind: str  # "source" or "claim"
    obj: Source | Claim
    snippet: SafeString
    rank: float


def words_of(query: str) -> list[str]:
    return _WORD.findall(query)


def highlight(snippet: str) -> SafeString:
    safe = escape(snippet).replace(_START, "<mark>").replace(_STOP, "</mark>")
    return mark_safe(safe)  # noqa: S308 - escaped above; only our markers become tags


def _is_sqlite() -> bool:
    return connection.vendor == "sqlite"


# --- the SQLite index -------------------------------------------------------------------------


def _index_row(kind: str, obj_id: int, case_id: int, title: str, body: str) -> None:
    if not _is_sqlite():
        return
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM evidence_fts WHERE kind = %s AND obj_id = %s", [kind, obj_id])
        cursor.execute(
            "INSERT INTO evidence_fts (kind, obj_id, case_id, title, body) "
            "VALUES (%s, %s, %s, %s, %s)",
            [kind, obj_id, case_id, title, body],
        )


def _unindex_row(kind: str, obj_id: int) -> None:
    if not _is_sqlite():
        return
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM evidence_fts WHERE kind = %s AND obj_id = %s", [kind, obj_id])


def _on_source_saved(sender, instance, raw=False, **kwargs):
    _index_row("source", instance.pk, instance.case_id, instance.title, instance.text)


def _on_claim_saved(sender, instance, raw=False, **kwargs):
    _index_row("claim", instance.pk, instance.case_id, instance.locator, instance.statement)


def _on_source_deleted(sender, instance, **kwargs):
    _unindex_row("source", instance.pk)


def _on_claim_deleted(sender, instance, **kwargs):
    _unindex_row("claim", instance.pk)


def connect_signals():
    post_save.connect(_on_source_saved, sender=Source, dispatch_uid="vigil_fts_source")
    post_save.connect(_on_claim_saved, sender=Claim, dispatch_uid="vigil_fts_claim")
    post_delete.connect(_on_source_deleted, sender=Source, dispatch_uid="vigil_fts_source_del")
    post_delete.connect(_on_claim_deleted, sender=Claim, dispatch_uid="vigil_fts_claim_del")


def rebuild_sqlite_index() -> int:
    """Re-create the index from the tables (after a restore, say); returns rows indexed."""
    if not _is_sqlite():
        return 0
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM evidence_fts")
    count = 0
    for source in Source.objects.only("pk", "case_id", "title", "text").iterator():
        _on_source_saved(Source, source)
        count += 1
    for claim in Claim.objects.only("pk", "case_id", "locator", "statement").iterator():
        _on_claim_saved(Claim, claim)
        count += 1
    return count


# --- searching --------------------------------------------------------------------------------


def search_case(
    case, query: str, *, sources: "QuerySet[Source]", limit: int = 50
) -> list[SearchHit]:
    """Ranked hits among the given (already permission-filtered) sources and their claims.

    Every word must occur; ranking is BM25 on SQLite and ts_rank on PostgreSQL.
    """
    words = words_of(query)
    if not words:
        return []
    visible_ids = set(sources.values_list("pk", flat=True))
    if _is_sqlite():
        hits = _search_sqlite(case, words, limit * 2)
    else:
        hits = _search_postgres(case, words, limit)
    return [h for h in hits if _visible(h, visible_ids)][:limit]


def _visible(hit: SearchHit, visible_source_ids: set[int]) -> bool:
    source_id = hit.obj.pk if hit.kind == "source" else hit.obj.source_id
    return source_id in visible_source_ids


def _search_sqlite(case, words: list[str], limit: int) -> list[SearchHit]:
    # Each word quoted: user input never reaches FTS5's query syntax.
    match = " ".join('"' + w.replace('"', "") + '"' for w in words)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT kind, obj_id, snippet(evidence_fts, 4, %s, %s, '…', 24), bm25(evidence_fts) "
            "FROM evidence_fts WHERE evidence_fts MATCH %s AND case_id = %s "
            "ORDER BY bm25(evidence_fts) LIMIT %s",
            [_START, _STOP, match, case.pk, limit],
        )
        rows = cursor.fetchall()
    source_ids = [r[1] for r in rows if r[0] == "source"]
    claim_ids = [r[1] for r in rows if r[0] == "claim"]
    sources = Source.objects.in_bulk(source_ids)
    claims = Claim.objects.select_related("source").in_bulk(claim_ids)
    hits = []
    for kind, obj_id, snippet, rank in rows:
        obj = sources.get(obj_id) if kind == "source" else claims.get(obj_id)
        if obj is not None:
            hits.append(SearchHit(kind, obj, highlight(snippet), -rank))
    return hits


def _search_postgres(case, words: list[str], limit: int) -> list[SearchHit]:
    query = SearchQuery(" ".join(words), search_type="plain", config=PG_CONFIG)
    headline = {"start_sel": _START, "stop_sel": _STOP, "max_words": 35, "min_words": 15}
    source_vector = SearchVector("title", "text", config=PG_CONFIG)
    found_sources = (
        Source.objects.filter(case=case)
        .annotate(vector=source_vector, rank=SearchRank(source_vector, query))
        .filter(vector=query)
        .annotate(snippet=SearchHeadline("text", query, config=PG_CONFIG, **headline))
        .order_by("-rank")[:limit]
    )
    claim_vector = SearchVector("statement", "locator", config=PG_CONFIG)
    found_claims = (
        Claim.objects.filter(case=case)
        .select_related("source")
        .annotate(vector=claim_vector, rank=SearchRank(claim_vector, query))
        .filter(vector=query)
        .annotate(snippet=SearchHeadline("statement", query, config=PG_CONFIG, **headline))
        .order_by("-rank")[:limit]
    )
    hits = [SearchHit("source", s, highlight(s.snippet), s.rank) for s in found_sources]
    hits += [SearchHit("claim", c, highlight(c.snippet), c.rank) for c in found_claims]
    return sorted(hits, key=lambda h: h.rank, reverse=True)
