from django import template

from vigil.ingest.models import OUTCOME_LABELS

register = template.Library()


@register.filter
def outcome_label(outcome: str) -> str:
    """What happened to a document, in the reader's language ("present" -> "already present")."""
    return str(OUTCOME_LABELS.get(outcome, outcome))
