"""Acts per year and cumulative, by characterisation, laid out for an SVG chart."""

from collections import Counter
from dataclasses import dataclass

from vigil.recognition.models import Characterisation, RecognitionAct

WIDTH, HEIGHT, LEFT, BOTTOM, TOP = 720, 260, 36, 28, 12


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    characterisation: str
    count: int
    year: int


def acts_per_year(acts) -> dict:
    """Counts of adopted acts with a known date, per year and characterisation."""
    per_year: dict[int, Counter] = {}
    undated = 0
    for act in acts:
        if act.status != RecognitionAct.Status.ADOPTED:
            continue
        if act.date is None:
            undated += 1
            continue
        per_year.setdefault(act.date.year, Counter())[act.characterisation] += 1
    return {"per_year": per_year, "undated": undated}


def counts_per_year(acts) -> dict:
    """`acts_per_year` computed by the database from a queryset of acts (one aggregate query)."""
    from django.db.models import Count
    from django.db.models.functions import ExtractYear

    adopted = acts.filter(status=RecognitionAct.Status.ADOPTED).order_by()
    per_year: dict[int, Counter] = {}
    rows = (
        adopted.filter(date__isnull=False)
        .annotate(year=ExtractYear("date"))
        .values("year", "characterisation")
        .annotate(n=Count("pk"))
    )
    for row in rows:
        per_year.setdefault(row["year"], Counter())[row["characterisation"]] += row["n"]
    return {"per_year": per_year, "undated": adopted.filter(date__isnull=True).count()}


@dataclass
class _Plot:
    """Where a chart of `years` columns, `top` acts high at most, draws in SVG coordinates."""

    years: int
    top: int

    @property
    def height(self) -> float:
        return HEIGHT - BOTTOM - TOP

    @property
    def step(self) -> float:
        return (WIDTH - LEFT - 8) / self.years

    def x_mid(self, column: int) -> float:
        return LEFT + column * self.step + self.step / 2

    def y_of(self, value: int) -> float:
        return TOP + self.height - self.height * value / self.top


def _bars(per_year: dict, years: list[int], plot: _Plot) -> list[Bar]:
    """Each year's acts stacked by characterisation, in the order of Characterisation."""
    bar_w = max(plot.step * 0.6, 2)
    bars = []
    for i, year in enumerate(years):
        base = 0
        for value in Characterisation.values:
            count = per_year.get(year, Counter())[value]
            if not count:
                continue
            x = LEFT + i * plot.step + (plot.step - bar_w) / 2
            height = plot.height * count / plot.top
            bars.append(Bar(x, plot.y_of(base + count), bar_w, height, value, count, year))
            base += count
    return bars


def chart(acts) -> dict:
    """Stacked bars per year and a cumulative line, in SVG coordinates. `acts` is a queryset
    (counted by the database) or a list of acts."""
    data = acts_per_year(acts) if isinstance(acts, list) else counts_per_year(acts)
    per_year = data["per_year"]
    if not per_year:
        return {"empty": True, "undated": data["undated"]}
    years = list(range(min(per_year), max(per_year) + 1))
    totals = [sum(per_year.get(y, Counter()).values()) for y in years]
    cumulative = [sum(totals[: i + 1]) for i in range(len(totals))]
    plot = _Plot(len(years), max(cumulative))
    label_every = max(1, len(years) // 12)
    return {
        "empty": False,
        "width": WIDTH,
        "height": HEIGHT,
        "bars": _bars(per_year, years, plot),
        "line": " ".join(
            f"{plot.x_mid(i):.1f},{plot.y_of(c):.1f}" for i, c in enumerate(cumulative)
        ),
        "years": [
            {"year": y, "x": plot.x_mid(i)} for i, y in enumerate(years) if i % label_every == 0
        ],
        "axis_y": HEIGHT - BOTTOM,
        "top": plot.top,
        "top_y": TOP,
        "left": LEFT,
        "right": WIDTH - 8,
        "undated": data["undated"],
        "rows": [
            {"year": y, "total": t, "cumulative": c, **per_year.get(y, {})}
            for y, t, c in zip(years, totals, cumulative, strict=True)
            if t
        ],
    }
