from django import template

from vigil.ingest.models import DocumentOutcome

register = template.Library()


@register.filter
def outcome_label(outcome: str) -> str:
    """What happened to a document, in the reader's language ("present" -> "already present")."""
    if outcome in DocumentOutcome.values:
        return str(DocumentOutcome(outcome).label)
    return outcome
