"""Counts the database keeps in step with the rows they count (the matrix's links per kind, a
case's claims per access level and review status): triggers on the counted tables add or take
away, in the same statement as the write, the rows that move from one kind to another, whoever
writes (a service, `bulk_create`, `update()`, a cascade, a load).

A `Tally` names its table, the columns of a kind, its count column, and for each watched table
the rows one changed row moves (as SQL with {row} for NEW or OLD and {sign} for +1 or -1) and
the columns whose change moves them. Each trigger runs one statement: the moved rows summed per
kind and added to the tally by an upsert (`n = n + moved`, never read and written back), in a
fixed order of kinds so two writers never wait on each other's rows crosswise.

The SQL texts are assembled from the tallies' constants, never from input (hence the
`noqa: S608`); values go in as parameters.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Watched:
    rows: str  # the kinds one changed row moves: SELECT <kind columns>, {sign} AS <count> ...
    columns: tuple[str, ...]  # the columns whose change moves them to another kind
    inserts_and_deletes: bool  # whether a new or deleted row of this table moves any


@dataclass(frozen=True)
class Tally:
    table: str
    kind: str  # the kind's columns, comma-separated
    count: str  # the counted column
    suffix: str  # in the triggers' names: <watched table>_<suffix>_<insert|update|delete>
    watched: dict[str, Watched]
    fresh: str  # every kind counted from the tables themselves: what the tally must equal

    def rows_of(self, table: str, row: str, sign: int) -> str:
        return self.watched[table].rows.format(row=row, sign=sign)

    def moved(self, table: str) -> str:
        """The rows an update moves: counted down under the old kind, up under the new."""
        return f"{self.rows_of(table, 'OLD', -1)} UNION ALL {self.rows_of(table, 'NEW', 1)}"

    def add(self, rows: str) -> str:
        """One statement adding the summed rows (kind, ±n) to the tally."""
        table, kind, count = self.table, self.kind, self.count
        return (
            f"INSERT INTO {table} ({kind}, {count}) SELECT {kind}, SUM({count}) "  # noqa: S608
            f"FROM ({rows}) AS moved WHERE true GROUP BY {kind} HAVING SUM({count}) <> 0 "
            f"ORDER BY {kind} ON CONFLICT ({kind}) DO UPDATE SET "
            f"{count} = {table}.{count} + excluded.{count}"
        )
