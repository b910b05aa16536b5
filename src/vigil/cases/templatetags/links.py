from urllib.parse import urlsplit

from django import template

register = template.Library()


@register.filter
def web_url(value) -> str:
    """The address if it is an http(s) link, else nothing: a stored `javascript:` address (from an
    import, say) must never become a link that runs script."""
    value = str(value or "").strip()
    return value if urlsplit(value).scheme.lower() in ("http", "https") else ""
