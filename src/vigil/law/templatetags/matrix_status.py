from django import template

from vigil.law.matrix import STATUS_LABELS

register = template.Library()


@register.filter
def status_label(status: str) -> str:
    """The translated word for a matrix status code ("gap" -> "boşluq" in Azerbaijani); the
    code itself stays in class names and addresses."""
    return str(STATUS_LABELS.get(status, status))
