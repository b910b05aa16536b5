import re

from django import template
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def get_item(mapping, key):
    """`mapping|get_item:key`, for dictionaries keyed by numbers."""
    return mapping.get(key, "") if mapping else ""


def _css_string(text: str) -> str:
    # A CSS string that no translation can break out of (quotes, backslashes, "</style>").
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ")
    return '"' + escaped.replace("\n", " ") + '"'


@register.simple_tag
def css_content(text, **functions):
    """A CSS `content` value made from a translated text whose placeholders stand for CSS
    functions: css_content "Page %(page)s of %(pages)s" page="counter(page)" ... ->
    "Page " counter(page) " of " counter(pages). A translation may put them in any order."""
    parts = re.split(r"%\((\w+)\)s", str(text))
    tokens = [
        functions[part] if odd else _css_string(part)
        for odd, part in ((n % 2 == 1, part) for n, part in enumerate(parts))
        if odd or part
    ]
    return mark_safe(" ".join(tokens))  # noqa: S308 - every text part is escaped above
