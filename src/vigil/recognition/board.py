"""The pipeline board: each stage's first cards, how many it holds in all, and one stage in full.

A board with thousands of targets stays one screen: every column shows its first `PER_STAGE`
cards (earliest due first) and the count of all, with a link to the whole stage, page by page.
The cards come from one query (a window numbers the targets within each stage), the counts from
one aggregate, however many targets there are.
"""

from django.db.models import Count, F, OuterRef, Prefetch, Subquery, Window
from django.db.models.functions import RowNumber

from vigil.recognition.models import StageChange, Target

PER_STAGE = 20


def cards(case):
    """The case's targets as the board shows them: with their actor, owner and chapter, and the
    last change of each (what `Target.previous_stage` reads for a declined target)."""
    latest = StageChange.objects.filter(target=OuterRef("target")).order_by("-changed_at", "-pk")
    last_change = StageChange.objects.filter(pk=Subquery(latest.values("pk")[:1]))
    return (
        Target.objects.filter(case=case)
        .select_related("case", "actor", "owner", "chapter")
        .prefetch_related(Prefetch("history", queryset=last_change))
        .order_by("due_date", "pk")
    )


def stage_counts(case) -> dict[str, int]:
    rows = Target.objects.filter(case=case).values("stage").annotate(n=Count("pk")).order_by()
    return {row["stage"]: row["n"] for row in rows}


def columns(case, per_stage: int = PER_STAGE) -> list[dict]:
    """Every stage in order: its first `per_stage` cards, its count, and whether there are more."""
    first = cards(case).annotate(
        position=Window(RowNumber(), partition_by=F("stage"), order_by=[F("due_date"), F("pk")])
    )
    by_stage: dict[str, list[Target]] = {}
    for target in first.filter(position__lte=per_stage):
        by_stage.setdefault(target.stage, []).append(target)
    counts = stage_counts(case)
    return [
        {
            "stage": value,
            "label": label,
            "targets": by_stage.get(value, []),
            "count": counts.get(value, 0),
            "more": counts.get(value, 0) > len(by_stage.get(value, [])),
        }
        for value, label in Target.Stage.choices
    ]
