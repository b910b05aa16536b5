"""Which language a page is shown in, and how a person chooses it.

The rule, first match wins:
1. A public page's address names its language (`/az/p/khojaly-1992/`); an address without one is
   English. A visitor who chose another language (or whose browser asks for one) and opens the
   address without a language is sent to the address in their language, so a link shared in
   English still opens in the reader's language, and one shared in Urdu opens in Urdu.
2. A signed-in person's own choice, saved on their account (`LanguagePreference`) and put in
   their session when they sign in.
3. The visitor's choice, kept in the language cookie by the language switch.
4. The browser's Accept-Language, then English.

A language Vigil does not offer (in the switch, or as an address's prefix) falls back to English
with a message saying so.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.conf.locale import LANG_INFO
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.contrib.messages.storage import default_storage
from django.http import HttpResponseRedirect
from django.middleware.locale import LocaleMiddleware
from django.urls import LocalePrefixPattern, Resolver404, get_resolver, get_urlconf, reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.i18n import set_language

from vigil.accounts.models import LanguagePreference

# The session key holding a signed-in person's saved language.
SESSION_KEY = "vigil_language"


def offered(code: str | None) -> bool:
    return code in dict(settings.LANGUAGES)


def save_preference(user, language: str) -> None:
    """Remember `language` as the person's own: applied whenever they sign in."""
    LanguagePreference.objects.update_or_create(user=user, defaults={"language": language})


def apply_preference_at_sign_in(sender, request, user, **kwargs) -> None:
    """Receiver of `user_logged_in`: the person's saved language becomes the session's."""
    language = (
        LanguagePreference.objects.filter(user=user).values_list("language", flat=True).first()
    )
    if request is not None and offered(language):
        request.session[SESSION_KEY] = language


def _unoffered_message(code: str) -> str:
    return _("Vigil is not available in “%(code)s”: this page is shown in English.") % {
        "code": code[:20]
    }


def _public_resolver(urlconf):
    """The part of the address book under i18n_patterns: the public pages."""
    for pattern in get_resolver(urlconf).url_patterns:
        if isinstance(getattr(pattern, "pattern", None), LocalePrefixPattern):
            return pattern
    return None


def public_match(path: str, urlconf=None):
    """The public page an address without a language prefix names, or None."""
    resolver = _public_resolver(urlconf or get_urlconf() or settings.ROOT_URLCONF)
    if resolver is None or not path.startswith("/"):
        return None
    with translation.override(settings.LANGUAGE_CODE):
        try:
            return resolver.resolve(path[1:])
        except Resolver404:
            return None


def public_address(match, language: str) -> str:
    """The address of a resolved public page in `language`."""
    with translation.override(language):
        return reverse(match.view_name, args=match.args, kwargs=match.kwargs)


def chosen_language(request) -> str:
    """What the person chose (rules 2 to 4 above), whatever the address says."""
    saved = request.session.get(SESSION_KEY) if hasattr(request, "session") else None
    if offered(saved):
        return saved
    return translation.get_language_from_request(request, check_path=False)


def _unoffered_prefix(path: str) -> tuple[str, str] | None:
    """(code, rest) when the address starts with a language Vigil does not offer and the rest is
    a public page's address ("/fr/p/khojaly-1992/" -> ("fr", "/p/khojaly-1992/"))."""
    code, slash, rest = path[1:].partition("/")
    if not slash or offered(code) or code.lower() not in _KNOWN_CODES:
        return None
    rest = "/" + rest
    return (code, rest) if public_match(rest) is not None else None


# Every language code Django knows: a first path segment that is one names a language.
_KNOWN_CODES = {code.lower() for code in LANG_INFO}


class LanguageMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware with Vigil's rule (see the module's docstring): the public pages
    take their language from their address, every other page from the person's choice."""

    def process_request(self, request):
        path = request.path_info
        language = translation.get_language_from_path(path)
        if language is None:
            if unoffered := _unoffered_prefix(path):
                return self._unoffered_redirect(request, *unoffered)
            language = chosen_language(request)
            match = public_match(path)
            if match is not None:
                if request.method in ("GET", "HEAD") and language != settings.LANGUAGE_CODE:
                    return self._redirect(request, public_address(match, language))
                language = settings.LANGUAGE_CODE  # the address says English
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        return None

    def _redirect(self, request, address: str) -> HttpResponseRedirect:
        if query := request.META.get("QUERY_STRING"):
            address = f"{address}?{query}"
        response = HttpResponseRedirect(address)
        patch_vary_headers(response, ("Accept-Language", "Cookie"))
        return response

    def _unoffered_redirect(self, request, code: str, rest: str) -> HttpResponseRedirect:
        translation.activate(settings.LANGUAGE_CODE)
        response = self._redirect(request, rest)
        # MessageMiddleware has not run yet: the message goes straight into its storage.
        storage = default_storage(request)
        storage.add(messages.WARNING, _unoffered_message(code))
        storage.update(response)
        return response


@login_not_required
@require_POST
def choose_language(request):
    """The language switch: Django's set_language (the cookie, and the page the person was on,
    in the chosen language), which also saves a signed-in person's choice on their account."""
    code = request.POST.get("language", "")
    if not offered(code):
        messages.warning(request, _unoffered_message(code))
        request.POST = request.POST.copy()
        request.POST["language"] = code = settings.LANGUAGE_CODE
    # set_language finds the page to return to in the language its address is in.
    back = request.POST.get("next") or request.META.get("HTTP_REFERER") or ""
    if url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back_path = urlsplit(back).path
        translation.activate(
            translation.get_language_from_path(back_path) or settings.LANGUAGE_CODE
        )
    response = set_language(request)
    if request.user.is_authenticated:
        save_preference(request.user, code)
        request.session[SESSION_KEY] = code
    return response
