"""Model validation without the look-ups whose answer the instance already holds.

Django's `full_clean` asks the database whether each foreign key's row exists, and whether each
conditional unique constraint's condition holds, even when the answer is in memory: the related
row was just loaded or saved, or the condition is false on the instance's own values (a source
without an import key cannot clash on one). These queries were most of a write's cost. Every
other check runs as Django runs it, with Django's messages; the database's own foreign keys and
unique indexes still guard every write.
"""

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import Q
from django.db.models.constraints import UniqueConstraint

_UNKNOWN = None


def _holds(condition: Q, instance) -> bool | None:
    """Whether a constraint's condition holds for the instance, read from its values; None when
    it cannot be told for sure in Python (any lookup but a plain equality with a text, a value
    not a text), so that the database is asked as before."""
    results = []
    for child in condition.children:
        if isinstance(child, Q):
            result = _holds(child, instance)
        elif isinstance(child, tuple) and len(child) == 2:
            result = _equal(instance, *child)
        else:  # an expression: the database evaluates it
            return _UNKNOWN
        if result is _UNKNOWN:
            return _UNKNOWN
        results.append(result)
    if condition.connector not in (Q.AND, Q.OR):  # XOR: let the database decide
        return _UNKNOWN
    held = all(results) if condition.connector == Q.AND else any(results)
    return not held if condition.negated else held


def _equal(instance, lookup: str, expected) -> bool | None:
    if "__" in lookup or not isinstance(expected, str):
        return _UNKNOWN
    try:
        field = instance._meta.get_field(lookup)
    except FieldDoesNotExist:  # "pk" and the like: let Django ask
        return _UNKNOWN
    value = getattr(instance, field.attname, None)
    if not isinstance(value, str):
        return _UNKNOWN
    # Text equality in Python is the database's for Vigil's (binary, deterministic) collations.
    return value == expected


def _known_to_exist(field, instance) -> bool:
    """The foreign key points at a row the instance holds as loaded or saved, and nothing but
    existence would be checked (no choice limits, no validators)."""
    if not field.is_cached(instance) or field.get_limit_choices_to() or field.validators:
        return False
    related = field.get_cached_value(instance)
    value = getattr(instance, field.attname)
    return (
        related is not None
        and not related._state.adding
        and value is not None
        and getattr(related, field.target_field.attname) == value
    )


class CheapValidation(models.Model):
    """A model whose `full_clean` skips the look-ups answered by the instance itself."""

    class Meta:
        abstract = True

    def clean_fields(self, exclude=None):
        exclude = set(exclude or ())
        for field in self._meta.concrete_fields:
            if field.many_to_one and field.name not in exclude and _known_to_exist(field, self):
                exclude.add(field.name)
        super().clean_fields(exclude=exclude)

    def get_constraints(self):
        # What validate_constraints checks: a conditional unique constraint whose condition is
        # false on this instance cannot be broken by it, so it is not asked of the database.
        return [
            (model, [c for c in constraints if not _cannot_apply(c, self)])
            for model, constraints in super().get_constraints()
        ]


def _cannot_apply(constraint, instance) -> bool:
    return (
        isinstance(constraint, UniqueConstraint)
        and constraint.condition is not None
        and _holds(constraint.condition, instance) is False
    )
