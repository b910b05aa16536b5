"""The figures table: every source's casualty figure side by side, never one number as the truth.

Which categories have figures, how many each shows, and the summary under each (lowest, highest
and median of the verified figures, and how many independent sources give them) come from four
aggregate queries, however many figures, each starting from an index (the figures' own, or the
claims' by case and review status); each category's rows are then one page read in the order of
the figures' own index (case, category, low, high). The exports read every row, a chunk at a
time (`figure_rows`).

Every function takes claims, or their figures (a Figure queryset, as `access.visible_figures`
gives: the cheaper way for a whole case).
"""

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from django.db.models import (
    Case,
    Count,
    F,
    FloatField,
    IntegerField,
    Max,
    Min,
    QuerySet,
    Value,
    When,
    Window,
)
from django.db.models.functions import Cast, RowNumber

from vigil.addresses import address_of
from vigil.evidence.models import Claim, Figure
from vigil.paging import paginate
from vigil.tabular import EXPORT_CHUNK


@dataclass
class FigureCategory:
    category: str
    label: str
    figures: list[Figure] = field(default_factory=list)  # or a Page of them
    summary: dict = field(default_factory=dict)


def _figures(claims_or_figures) -> QuerySet[Figure]:
    if claims_or_figures.model is Figure:
        return claims_or_figures
    return Figure.objects.filter(claim__in=claims_or_figures)


def shown_figures(claims):
    """The figures of the given claims that the table shows: all but rejected ones, with their
    claims and sources, lowest first."""
    return (
        _figures(claims)
        .exclude(claim__review_status=Claim.Review.REJECTED)
        .select_related("claim__source__case", "claim__case")
        .defer("claim__source__text")  # the table never shows it; a source's text is long
        .order_by("category", "low", "high", "claim__source__title", "pk")
    )


# What the figures page shows of a figure, its claim and its source: each column loaded costs
# its share of every row's time (the audit log keeps what was loaded), so the page loads these.
PAGE_COLUMNS = (
    "category",
    "low",
    "high",
    "population",
    "claim__review_status",
    "claim__credibility",
    "claim__locator",
    "claim__created_by",  # with reviewed_by: whether its author verified it alone
    "claim__reviewed_by",
    "claim__source__title",
    "claim__source__language",  # the title and quotes are marked with it, for reading aloud
    "claim__source__standing",
    "claim__source__reliability_grade",
    "claim__source__case__slug",  # the source's address
)


# The public case page also links each source's web address and names its author.
PUBLIC_PAGE_COLUMNS = (*PAGE_COLUMNS, "claim__source__url", "claim__source__author")


def page_figures(shown: QuerySet[Figure], columns=PAGE_COLUMNS) -> QuerySet[Figure]:
    """Figures from `shown_figures`, with only the columns a page shows."""
    return shown.select_related(None).select_related("claim__source__case").only(*columns)


def paged_figure_groups(request, claims, per_page: int, columns=PAGE_COLUMNS):
    """`figure_groups` with each category a page of `per_page` figures, lowest first, that pages
    on by itself (`?<category>_page=`)."""
    return figure_groups(
        claims,
        lambda category, figures, count: paginate(
            request, page_figures(figures, columns), per_page, param=f"{category}_page", count=count
        ),
    )


def _central_value():
    """The value a median uses (Figure.central_value): the exact value, a range's midpoint, an
    open range's known end."""
    low, high = Cast("low", FloatField()), Cast("high", FloatField())
    return Case(
        When(low__isnull=False, high__isnull=False, then=(low + high) / Value(2.0)),
        When(low__isnull=False, then=low),
        default=high,
        output_field=FloatField(),
    )


def _verified(figures) -> QuerySet[Figure]:
    """The verified ones among `figures`. A figure's case is its claim's: saying so lets the
    database start from the claims' index (case, review status) instead of reading the claim of
    every figure of the case to learn its status (half the table's time on SQLite)."""
    return figures.filter(
        claim__case=F("case"), claim__review_status=Claim.Review.VERIFIED
    ).order_by()


def _shown_counts(figures) -> dict[str, int]:
    """How many figures each category shows (all but rejected ones): every figure, counted from
    the figures' own index, less the rejected ones, found from the claims' index."""
    counts = dict(figures.order_by().values_list("category").annotate(Count("pk")))
    rejected = figures.filter(claim__case=F("case"), claim__review_status=Claim.Review.REJECTED)
    for category, number in rejected.order_by().values_list("category").annotate(Count("pk")):
        counts[category] -= number
    return {category: number for category, number in counts.items() if number}


def _spreads(verified) -> dict[str, dict]:
    """Each category's count, lowest, highest, open ones and median of the verified figures, in
    one query: the database ranks each category's figures by central value and hands back the
    middle one (or the middle two), each carrying its category's totals."""
    category = {"partition_by": F("category")}
    ranked = verified.annotate(
        central=_central_value(),
        position=Window(RowNumber(), order_by=F("central").asc(), **category),
        total=Window(Count("pk"), **category),
        with_high=Window(Count("high"), **category),  # an open range has no upper bound
        lowest=Window(Min("low"), **category),
        highest=Window(Max("high"), **category),
    )
    # The middle one of an odd count, the middle two of an even one.
    middle = ranked.filter(position__gte=F("total") / 2.0, position__lte=F("total") / 2.0 + 1)
    spreads = {}
    for row in middle.values("category", "central", "total", "with_high", "lowest", "highest"):
        spread = spreads.setdefault(row["category"], {**row, "centrals": []})
        spread["centrals"].append(row["central"])
    return spreads


def _independent_sources(verified) -> dict[str, int]:
    """Distinct voices per category; a voice is Source.independence_key (standing, and side
    without case or spacing), so the database gives the distinct pairs and Python folds them."""
    voices = defaultdict(set)
    pairs = verified.values_list("category", "claim__source__standing", "claim__source__side")
    for category, standing, side in pairs.distinct().order_by():
        voices[category].add((standing, side.strip().casefold()))
    return {category: len(found) for category, found in voices.items()}


def figure_summaries(claims) -> dict[str, dict]:
    """{category: summary} of the verified figures among `claims`: count, lowest, highest,
    open_ended (some figure has no upper bound), median and independent_sources, from two
    queries however many figures. Nothing here picks one figure as the truth: it describes the
    spread of what sources say."""
    verified = _verified(_figures(claims))
    independent = _independent_sources(verified)
    return {
        category: {
            "count": spread["total"],
            "lowest": spread["lowest"],
            "highest": spread["highest"],
            "open_ended": spread["with_high"] < spread["total"],
            "median": sum(spread["centrals"]) / len(spread["centrals"]),
            "independent_sources": independent[category],
        }
        for category, spread in _spreads(verified).items()
    }


def figure_groups(claims, rows: Callable) -> list[FigureCategory]:
    """One group per category that has figures to show, in the order categories are defined;
    `rows(category, queryset, count)` turns each category's figures (`count` of them) into
    what the group carries (the whole list, or a page of it).

    Rejected claims are left out; proposed and disputed ones stay visible, marked as such, but
    only verified ones enter the summary.
    """
    figures = _figures(claims)
    shown_counts = _shown_counts(figures)
    summaries = figure_summaries(figures)
    shown = shown_figures(figures)
    return [
        FigureCategory(
            value,
            str(label),
            rows(value, shown.filter(category=value), shown_counts[value]),
            summaries.get(value, {"count": 0}),
        )
        for value, label in Figure.Category.choices
        if shown_counts.get(value)
    ]


def figures_table(claims) -> list[FigureCategory]:
    """Every category's figures in full (for the dossier and the API)."""
    return figure_groups(claims, lambda _category, figures, _count: list(figures))


# The exports' columns: `id` and `url` are those of the figure's claim.
FIGURE_COLUMNS = [
    "id",
    "url",
    "category",
    "low",
    "high",
    "display",
    "population",
    "review_status",
    "credibility",
    "source",
    "source_id",
    "source_author",
    "reliability",
    "standing",
    "locator",
]


# What the exports read of a figure, its claim and its source (see PAGE_COLUMNS for why).
EXPORT_LOADED = (
    "category",
    "low",
    "high",
    "population",
    "claim__review_status",
    "claim__credibility",
    "claim__locator",
    "claim__case__slug",  # the claim's address
    "claim__source__title",
    "claim__source__author",
    "claim__source__reliability_grade",
    "claim__source__standing",
)


def figure_rows(claims, request=None) -> Iterator[dict]:
    """One flat row per figure the table shows (FIGURE_COLUMNS), in the table's order (category
    by category as they are defined, lowest first), read from the database a chunk at a time by
    one query, however many figures. See vigil.addresses for `request`."""
    position = Case(
        *(When(category=value, then=Value(n)) for n, value in enumerate(Figure.Category.values)),
        output_field=IntegerField(),
    )
    shown = (
        shown_figures(_figures(claims))
        .select_related(None)
        .select_related("claim__case", "claim__source")
        .only(*EXPORT_LOADED)
        .order_by(position, "low", "high", "claim__source__title", "pk")
    )
    for figure in shown.iterator(chunk_size=EXPORT_CHUNK):
        claim, source = figure.claim, figure.claim.source
        yield {
            "id": claim.pk,
            "url": address_of(claim, request),
            "category": figure.category,
            "low": figure.low,
            "high": figure.high,
            "display": figure.display,
            "population": figure.population,
            "review_status": claim.review_status,
            "credibility": claim.credibility,
            "source": source.title,
            "source_id": source.pk,
            "source_author": source.author,
            "reliability": source.reliability_grade,
            "standing": source.standing,
            "locator": claim.locator,
        }
