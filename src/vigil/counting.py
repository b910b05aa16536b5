"""Counts of related rows as subqueries, so a list can show each row's counts in one query.

Annotating a list with two `Count`s over two relations joins both at once: the database
multiplies every source by every claim before it counts. A correlated subquery per count
stays proportional to the rows it counts, and works the same on SQLite and PostgreSQL.
"""

from django.db.models import Count, IntegerField, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce


def count_of(rows, field: str):
    """An expression for `annotate`: how many of `rows` have `field` pointing at the outer row
    (0 when none do)."""
    counted = (
        rows.filter(**{field: OuterRef("pk")})
        .order_by()
        .values(field)
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def sum_of(rows, field: str, column: str):
    """An expression for `annotate`: the sum of `column` over the `rows` whose `field` points at
    the outer row (0 when none do), as for kept tallies."""
    summed = (
        rows.filter(**{field: OuterRef("pk")})
        .order_by()
        .values(field)
        .annotate(n=Sum(column))
        .values("n")
    )
    return Coalesce(Subquery(summed, output_field=IntegerField()), 0)
