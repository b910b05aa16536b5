"""Full-text search over a case's source texts and claims, with each database's own engine:
SQLite's FTS5 and PostgreSQL's text search, over the index the database keeps in step
(see `search_index`)."""

import itertools
import re
from dataclasses import dataclass

from django.db import connection
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from vigil.evidence import search_postgres, search_sqlite
from vigil.evidence.models import Claim, Source
from vigil.evidence.search_marks import fold_marks, postgres_fold

# Markers that cannot occur in text; replaced with <mark> only after HTML-escaping the snippet.
_START, _STOP = "\x02", "\x03"
_WORD = re.compile(r"\w+", re.UNICODE)
_PG_HEADLINE = f"StartSel={_START}, StopSel={_STOP}, MaxWords=35, MinWords=15"
PAGE_SIZE = 50  # as every other list (vigil.paging)
ALL_LEVELS = tuple(Source.Access.values)


@dataclass
class SearchHit:
    kind: str  # "source" or "claim"
    obj: Source | Claim
    snippet: SafeString
    rank: float


def words_of(query: str) -> list[str]:
    return _WORD.findall(query)


# Turkish and Azerbaijani write i and ı as two letters, but an upper-case I may stand for either,
# and a reader may type either: a word is searched with each of its i-letters in both forms.
_I_LETTERS = "iı"
# At most 2^6 forms of one word; further i-letters are searched as written.
MAX_I_LETTERS = 6


def forms_of(word: str) -> list[str]:
    """The lower-case forms a search looks for a word in: with each i-letter as i and as ı
    ("Iğdır" -> iğdir, iğdır, ığdir, ığdır)."""
    # İ and I first, as str.lower() makes İ two characters and knows no Turkish.
    folded = word.replace("İ", "i").replace("I", "i").lower()
    places = [n for n, letter in enumerate(folded) if letter in _I_LETTERS][:MAX_I_LETTERS]
    forms = set()
    for letters in itertools.product(_I_LETTERS, repeat=len(places)):
        form = list(folded)
        for place, letter in zip(places, letters, strict=True):
            form[place] = letter
        forms.add("".join(form))
    return sorted(forms)


def highlight(snippet: str) -> SafeString:
    safe = escape(snippet).replace(_START, "<mark>").replace(_STOP, "</mark>")
    return mark_safe(safe)  # noqa: S308 - escaped above; only our markers become tags


def search_case(
    case, query: str, *, levels=ALL_LEVELS, page: int = 1, per_page: int = PAGE_SIZE
) -> "ResultsPage":
    """One page of ranked hits among the case's sources of the given access levels (those the
    person may see: `permissions.source_levels`) and their claims.

    Every word must occur (as written, or stemmed: English on SQLite, the source's language on
    PostgreSQL; with or without Arabic script's vowel marks and tatweel, which the snippets
    leave out); ranking is BM25 on SQLite and ts_rank on PostgreSQL, a title weighing most.
    Only the case's part of the index is read; sources of other levels are left out by the
    query itself, so every page is full and the pages follow one another.
    """
    page = max(1, page)
    # Marks folded first: a word is split at its vowel marks otherwise.
    words = words_of(fold_marks(query))
    if not words:
        return ResultsPage([], page, has_next=False, first_rank=1)
    hidden = sorted(set(Source.Access.values) - set(levels))
    search = _search_sqlite if connection.vendor == "sqlite" else _search_postgres
    # One row more than a page says whether another page follows.
    rows = search(case, words, hidden, offset=(page - 1) * per_page, limit=per_page + 1)
    hits = _hits(case, rows[:per_page])
    return ResultsPage(
        hits, page, has_next=len(rows) > per_page, first_rank=(page - 1) * per_page + 1
    )


class ResultsPage(list):
    """A page of hits, best first, and where it stands: `number`, `has_next`, `has_previous`,
    and `first_rank`, the place of its first hit among all the hits."""

    def __init__(self, hits: list[SearchHit], number: int, *, has_next: bool, first_rank: int):
        super().__init__(hits)
        self.number = number
        self.first_rank = first_rank
        self.has_next = has_next
        self.has_previous = number > 1
        self.next_page_number = number + 1
        self.previous_page_number = number - 1


def _hits(case, rows: list[tuple[str, int, str, float]]) -> list[SearchHit]:
    """(kind, id, snippet, rank) rows, best first, as hits holding their objects. Every hit is
    of `case`, which each object is given for its address instead of reading it once per row;
    a source's text is left unread (the snippet shows it)."""
    sources = Source.objects.defer("text").in_bulk(
        [pk for kind, pk, *_ in rows if kind == "source"]
    )
    claims = (
        Claim.objects.select_related("source")
        .defer("source__text")
        .in_bulk([pk for kind, pk, *_ in rows if kind == "claim"])
    )
    hits = []
    for kind, pk, snippet, rank in rows:
        obj = sources.get(pk) if kind == "source" else claims.get(pk)
        if obj is None:
            continue
        obj.case = case
        if kind == "claim":
            obj.source.case = case
        hits.append(SearchHit(kind, obj, highlight(snippet), rank))
    return hits


def _search_sqlite(case, words: list[str], hidden: list[str], *, offset: int, limit: int):
    # Each form of each word quoted: user input never reaches FTS5's query syntax. Every word
    # must occur, in one of its forms.
    match = " AND ".join(
        "(" + " OR ".join('"' + form.replace('"', "") + '"' for form in forms_of(w)) + ")"
        for w in words
    )
    first, last = search_sqlite.case_key_range(case.pk)
    params = [_START, _STOP, match, first, last]
    left_out = ""
    # Entries from sources of the levels the person may not see are left out (SQL from constants).
    if hidden:
        levels = ", ".join(["%s"] * len(hidden))
        left_out = (
            f"AND {search_sqlite.SOURCE_OF_KEY} NOT IN (SELECT id FROM evidence_source "  # noqa: S608
            f"WHERE case_id = %s AND access_level IN ({levels}))"
        )
        params += [case.pk, *hidden]
    with connection.cursor() as cursor:
        # ORDER BY rank lets FTS5 sort by BM25 itself and make snippets for the rows kept only.
        cursor.execute(
            "SELECT rowid, snippet(evidence_fts, 1, %s, %s, '…', 24), rank FROM evidence_fts "  # noqa: S608
            f"WHERE evidence_fts MATCH %s AND rowid BETWEEN %s AND %s {left_out} "
            "ORDER BY rank LIMIT %s OFFSET %s",
            [*params, limit, offset],
        )
        rows = cursor.fetchall()
    return [(*search_sqlite.decode_key(rowid), snippet, -rank) for rowid, snippet, rank in rows]


def _search_postgres(case, words: list[str], hidden: list[str], *, offset: int, limit: int):
    """Ranked by the stored vectors, sources of the hidden levels left out; headlines (a parse
    of the whole text each) made only for the page's rows."""
    with connection.cursor() as cursor:
        query = search_postgres.tsquery(cursor, [forms_of(word) for word in words])
        if not query:
            return []
        params = {"query": query, "case": case.pk, "hidden": hidden}
        params.update(end=offset + limit, limit=limit, offset=offset)
        cursor.execute(_pg_ranked(left_out=bool(hidden)), params)
        kept = cursor.fetchall()
        cursor.execute(
            _PG_HEADLINES,
            {
                **params,
                "options": _PG_HEADLINE,
                "sources": [pk for kind, pk, _ in kept if kind == "source"],
                "claims": [pk for kind, pk, _ in kept if kind == "claim"],
            },
        )
        headlines = {(kind, pk): headline for kind, pk, headline in cursor.fetchall()}
    return [(kind, pk, headlines[kind, pk], rank) for kind, pk, rank in kept]


_PG_QUERY = "%(query)s::tsquery"
# A source of a level the person may not see, and its claims, are left out.
_PG_HIDDEN = (
    "AND {source} NOT IN (SELECT id FROM evidence_source "
    "WHERE case_id = %(case)s AND access_level = ANY(%(hidden)s))"
)


def _pg_ranked(*, left_out: bool) -> str:
    """Each part keeps the rows up to the page's end (ties broken by id, so pages follow one
    another); then the page is cut from both."""
    hidden = _PG_HIDDEN if left_out else ""
    return f"""
        SELECT * FROM (
            (SELECT 'source' AS kind, s.id, ts_rank(s.search_vector, {_PG_QUERY}) AS rank
             FROM evidence_source s
             WHERE s.case_id = %(case)s AND s.search_vector @@ {_PG_QUERY}
             {hidden.format(source="s.id")}
             ORDER BY rank DESC, s.id LIMIT %(end)s)
            UNION ALL
            (SELECT 'claim', c.id, ts_rank(c.search_vector, {_PG_QUERY})
             FROM evidence_claim c
             WHERE c.case_id = %(case)s AND c.search_vector @@ {_PG_QUERY}
             {hidden.format(source="c.source_id")}
             ORDER BY 3 DESC, c.id LIMIT %(end)s)
        ) found
        ORDER BY rank DESC, kind DESC, id LIMIT %(limit)s OFFSET %(offset)s
    """  # noqa: S608 - SQL from constants; the query, the case and the levels are parameters


# Headlines quote the text as it is indexed (without Arabic script's marks), so that a word
# found is also marked.
_PG_HEADLINES = f"""
    SELECT 'source', s.id, ts_headline(vigil_search_config(s.language),
                                       {postgres_fold("s.text")}, {_PG_QUERY}, %(options)s)
    FROM evidence_source s WHERE s.id = ANY(%(sources)s)
    UNION ALL
    SELECT 'claim', c.id, ts_headline(vigil_search_config(s.language),
                                      {postgres_fold("c.statement")}, {_PG_QUERY}, %(options)s)
    FROM evidence_claim c JOIN evidence_source s ON s.id = c.source_id
    WHERE c.id = ANY(%(claims)s)
"""  # noqa: S608 - as above
