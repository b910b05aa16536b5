"""The language switch and the other-language addresses of a public page."""

from django import template
from django.conf import settings
from django.utils.html import format_html_join

from vigil import formats
from vigil.accounts.language_choice import public_address

register = template.Library()


@register.simple_tag(takes_context=True)
def language_alternates(context):
    """<link rel="alternate" hreflang> to this public page in every language Vigil offers, and
    x-default: the address without a language, which opens in the reader's own."""
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    if match is None:
        return ""
    links = [(code, public_address(match, code)) for code, _name in settings.LANGUAGES]
    links.append(("x-default", public_address(match, settings.LANGUAGE_CODE)))
    return format_html_join(
        "\n",
        '<link rel="alternate" hreflang="{}" href="{}">',
        ((code, request.build_absolute_uri(address)) for code, address in links),
    )


@register.filter
def language_name(code):
    """A language code ("ru") as the reader's language names it ("Russian", "rusca", "روسی")."""
    return formats.language_name(code or "")


@register.filter
def language_names(codes):
    """A comma-separated list of language codes ("en, az"), each named as `language_name` does."""
    return ", ".join(
        formats.language_name(code) for code in (codes or "").split(",") if code.strip()
    )


@register.filter
def direction(code):
    """ "rtl" for a language written right to left (settings.LANGUAGES_BIDI), else "ltr"."""
    return "rtl" if (code or "").split("-")[0] in settings.LANGUAGES_BIDI else "ltr"
