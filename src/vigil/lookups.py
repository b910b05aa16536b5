"""Integer lookups that never fail on a number the database cannot hold.

Since Django 5.0 `pk=99999999999999999999` simply matches nothing, but `pk__in=[…]` still sends the
number to the database: SQLite raises OverflowError and the request ends in a server error. Every
multiple-choice form field checks its ids with `__in`, so one hostile id in a form did that.
"""

from django.db.models import IntegerField
from django.db.models.lookups import In


class IntegerFieldIn(In):
    """`__in` on an integer column, without the numbers outside the column's range (they can
    match no row)."""

    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value():
            internal_type = self.lhs.output_field.get_internal_type()
            low, high = connection.ops.integer_field_range(internal_type)
            self.rhs = [value for value in self.rhs if _within(value, low, high)]
        return super().process_rhs(compiler, connection)


def _within(value, low, high) -> bool:
    if not isinstance(value, int):
        return True  # not a number: left to the lookup as it is
    return (low is None or value >= low) and (high is None or value <= high)


def register() -> None:
    """Make every integer field (ids included) use the lookup above for `__in`."""
    IntegerField.register_lookup(IntegerFieldIn)
