"""Full-text search over a case's source texts and claims, with each database's own engine:
SQLite's FTS5 and PostgreSQL's text search, over the index the database keeps in step
(see `search_index`)."""

import re
from dataclasses import dataclass

from django.db import connection
from django.db.models import QuerySet
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from vigil.evidence import search_postgres, search_sqlite
from vigil.evidence.models import Claim, Source

# Markers that cannot occur in text; replaced with <mark> only after HTML-escaping the snippet.
_START, _STOP = "\x02", "\x03"
_WORD = re.compile(r"\w+", re.UNICODE)
_PG_HEADLINE = f"StartSel={_START}, StopSel={_STOP}, MaxWords=35, MinWords=15"


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


def search_case(
    case, query: str, *, sources: "QuerySet[Source]", limit: int = 50
) -> list[SearchHit]:
    """Ranked hits among the given (already permission-filtered) sources and their claims.

    Every word must occur (as written, or stemmed: English on SQLite, the source's language on
    PostgreSQL); ranking is BM25 on SQLite and ts_rank on PostgreSQL, a title weighing most.
    Only the case's part of the index is read.
    """
    words = words_of(query)
    if not words:
        return []
    if connection.vendor == "sqlite":
        hits = _hits(_search_sqlite(case, words, limit * 2))
        seen = _visible_ids(sources, {_source_id(hit) for hit in hits})
        return [hit for hit in hits if _source_id(hit) in seen][:limit]
    return _hits(_search_postgres(case, words, sources, limit))


def _source_id(hit: SearchHit) -> int:
    return hit.obj.pk if hit.kind == "source" else hit.obj.source_id


def _visible_ids(sources: "QuerySet[Source]", ids: set[int]) -> set[int]:
    """Those of `ids` among the sources the person may see: the hits' sources only are asked
    about, not every source of the case."""
    return set(sources.filter(pk__in=ids).values_list("pk", flat=True))


def _hits(rows: list[tuple[str, int, str, float]]) -> list[SearchHit]:
    """(kind, id, snippet, rank) rows, best first, as hits holding their objects (with their
    case, for their addresses; a source's text is left unread, the snippet shows it)."""
    sources = (
        Source.objects.select_related("case")
        .defer("text")
        .in_bulk([pk for kind, pk, *_ in rows if kind == "source"])
    )
    claims = (
        Claim.objects.select_related("source", "case")
        .defer("source__text")
        .in_bulk([pk for kind, pk, *_ in rows if kind == "claim"])
    )
    hits = []
    for kind, pk, snippet, rank in rows:
        obj = sources.get(pk) if kind == "source" else claims.get(pk)
        if obj is not None:
            hits.append(SearchHit(kind, obj, highlight(snippet), rank))
    return hits


def _search_sqlite(case, words: list[str], limit: int) -> list[tuple]:
    # Each word quoted: user input never reaches FTS5's query syntax.
    match = " ".join('"' + w.replace('"', "") + '"' for w in words)
    first, last = search_sqlite.case_key_range(case.pk)
    with connection.cursor() as cursor:
        # ORDER BY rank lets FTS5 sort by BM25 itself and make snippets for the rows kept only.
        cursor.execute(
            "SELECT rowid, snippet(evidence_fts, 1, %s, %s, '…', 24), rank FROM evidence_fts "
            "WHERE evidence_fts MATCH %s AND rowid BETWEEN %s AND %s ORDER BY rank LIMIT %s",
            [_START, _STOP, match, first, last, limit],
        )
        rows = cursor.fetchall()
    return [(*search_sqlite.decode_key(rowid), snippet, -rank) for rowid, snippet, rank in rows]


def _search_postgres(case, words: list[str], sources, limit: int) -> list[tuple]:
    """Ranked by the stored vectors; headlines (a parse of the whole text each) made only for
    the visible rows kept."""
    with connection.cursor() as cursor:
        query = search_postgres.tsquery(cursor, " ".join(words))
        if not query:
            return []
        params = {"query": query, "case": case.pk, "limit": limit * 2}
        cursor.execute(_PG_RANKED, params)
        ranked = cursor.fetchall()
        seen = _visible_ids(sources, {source_id for _, _, source_id, _ in ranked})
        kept = [row for row in ranked if row[2] in seen][:limit]
        cursor.execute(
            _PG_HEADLINES,
            {
                **params,
                "options": _PG_HEADLINE,
                "sources": [pk for kind, pk, *_ in kept if kind == "source"],
                "claims": [pk for kind, pk, *_ in kept if kind == "claim"],
            },
        )
        headlines = {(kind, pk): headline for kind, pk, headline in cursor.fetchall()}
    return [(kind, pk, headlines[kind, pk], rank) for kind, pk, _, rank in kept]


_PG_QUERY = "%(query)s::tsquery"
_PG_RANKED = f"""
    SELECT * FROM (
        (SELECT 'source' AS kind, s.id, s.id AS source_id,
                ts_rank(s.search_vector, {_PG_QUERY}) AS rank
         FROM evidence_source s
         WHERE s.case_id = %(case)s AND s.search_vector @@ {_PG_QUERY}
         ORDER BY rank DESC LIMIT %(limit)s)
        UNION ALL
        (SELECT 'claim', c.id, c.source_id, ts_rank(c.search_vector, {_PG_QUERY})
         FROM evidence_claim c
         WHERE c.case_id = %(case)s AND c.search_vector @@ {_PG_QUERY}
         ORDER BY 4 DESC LIMIT %(limit)s)
    ) found
    ORDER BY rank DESC, kind DESC, id LIMIT %(limit)s
"""  # noqa: S608 - SQL from constants; the query and the case are parameters
_PG_HEADLINES = f"""
    SELECT 'source', s.id, ts_headline(vigil_search_config(s.language), s.text, {_PG_QUERY},
                                       %(options)s)
    FROM evidence_source s WHERE s.id = ANY(%(sources)s)
    UNION ALL
    SELECT 'claim', c.id, ts_headline(vigil_search_config(s.language), c.statement, {_PG_QUERY},
                                      %(options)s)
    FROM evidence_claim c JOIN evidence_source s ON s.id = c.source_id
    WHERE c.id = ANY(%(claims)s)
"""  # noqa: S608 - as above
