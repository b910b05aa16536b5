from django import template
from django.template.defaultfilters import stringfilter

from vigil.languages import capitalise

register = template.Library()


@register.filter(is_safe=True)
@stringfilter
def capitalised(value: str) -> str:
    """capfirst as the active language writes capitals: Turkish and Azerbaijani "i" -> "İ"."""
    return capitalise(value)
