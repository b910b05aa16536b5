"""The figures table: every source's casualty figure side by side, never one number as the truth."""

from dataclasses import dataclass, field

from vigil.evidence.models import Claim, Figure, summarise_figures


@dataclass
class FigureCategory:
    category: str
    label: str
    figures: list[Figure] = field(default_factory=list)
    summary: dict = field(default_factory=dict)


def figures_table(claims) -> list[FigureCategory]:
    """Group the figures of the given claims by category, in the order categories are defined.

    Rejected claims are left out; proposed and disputed ones stay visible, marked as such, but
    only verified ones enter the summary.
    """
    figures = (
        Figure.objects.filter(claim__in=claims)
        .exclude(claim__review_status=Claim.Review.REJECTED)
        .select_related("claim__source__case", "claim__case")
        .order_by("category", "low", "high", "claim__source__title")
    )
    by_category: dict[str, FigureCategory] = {}
    for value, label in Figure.Category.choices:
        by_category[value] = FigureCategory(value, str(label))
    for figure in figures:
        by_category[figure.category].figures.append(figure)
    table = [group for group in by_category.values() if group.figures]
    for group in table:
        group.summary = summarise_figures(group.figures)
    return table


def figures_rows(table: list[FigureCategory]) -> list[dict]:
    """Flat rows for CSV and JSON exports: one per figure, with its source and grades."""
    rows = []
    for group in table:
        for figure in group.figures:
            claim, source = figure.claim, figure.claim.source
            rows.append(
                {
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
            )
    return rows
