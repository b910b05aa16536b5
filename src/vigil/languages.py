"""The languages Vigil's interface speaks (settings.LANGUAGES), and the rules every translation
keeps: a translated text must carry the same placeholders as its English, or filling it in fails
or shows the wrong value.
"""

import re
from collections import Counter

from django.utils import translation

# printf-style placeholders as gettext and Django's {% blocktranslate %} write them ("%(count)s",
# "%s", "%d"), and str.format's ("{name}", "{0}"); "%%" is a literal percent sign, not one.
_PLACEHOLDER = re.compile(
    r"%%|%(?:\(\w+\))?[-#0 +]*\d*(?:\.\d+)?[sdifrx]|\{\w*(?:![rsa])?(?::[^{}]*)?\}"
)


def placeholders(text: str) -> Counter:
    """Each placeholder in the text, with how many times it occurs."""
    return Counter(found for found in _PLACEHOLDER.findall(text) if found != "%%")


def placeholder_mismatch(english: str, translation: str) -> str:
    """ "" when the translation has exactly the English placeholders; else what differs, in words
    (e.g. "missing %(count)s; unexpected %(name)s")."""
    want, have = placeholders(english), placeholders(translation)
    problems = []
    if missing := sorted((want - have).elements()):
        problems.append("missing " + ", ".join(missing))
    if unexpected := sorted((have - want).elements()):
        problems.append("unexpected " + ", ".join(unexpected))
    return "; ".join(problems)


# Turkish and Azerbaijani pair dotted i with İ and dotless ı with I; Python's str.upper(), and so
# Django's capfirst, turns i into I, which reads as another letter there.
_DOTTED_I_LANGUAGES = {"tr", "az"}


def capitalise(text, language: str | None = None) -> str:
    """The text with its first letter a capital as the language writes it ("istifadəçi" ->
    "İstifadəçi" in Azerbaijani, "Istifadəçi" would be wrong); the rest unchanged. The language
    is the active one unless given."""
    text = str(text) if text is not None else ""
    if not text:
        return text
    language = (language or translation.get_language() or "").split("-")[0]
    first = text[0]
    if language in _DOTTED_I_LANGUAGES and first in "iı":
        capital = "İ" if first == "i" else "I"
    else:
        capital = first.upper()
    return capital + text[1:]
