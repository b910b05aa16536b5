"""A case's title and summary in the reader's language: the original, a translation of it, or,
where none exists yet, the original with a note saying so."""

import re
from dataclasses import dataclass

from django.conf import settings
from django.utils import translation

from vigil.cases.models import Case, CaseTranslation


class ShownText:
    """What a text shown in the reader's language says of itself (`language`,
    `original_language`, `not_yet_in` are the dataclass's fields)."""

    @property
    def is_translation(self) -> bool:
        return self.language != self.original_language

    @property
    def direction(self) -> str:
        # As Django decides for pages (LANGUAGES_BIDI): its LANG_INFO still marks Azerbaijani.
        return "rtl" if self.language.split("-")[0] in settings.LANGUAGES_BIDI else "ltr"


@dataclass
class CaseText(ShownText):
    title: str
    summary: str
    language: str  # the language the text shown is in
    original_language: str
    # The reader's language, when the text is shown in another for want of a translation.
    not_yet_in: str = ""


def case_text(case: Case, language: str | None = None) -> CaseText:
    """The case's title and summary for a reader of `language` (default: the active one); one
    query at most."""
    language = language or translation.get_language() or case.original_language
    original = CaseText(case.title, case.summary, case.original_language, case.original_language)
    if language == case.original_language:
        return original
    found = CaseTranslation.objects.filter(case=case, language=language).first()
    if found is None:
        original.not_yet_in = language
        return original
    return CaseText(found.title, found.summary, language, case.original_language)


def save_translation(case: Case, *, language: str, title: str, summary: str) -> CaseTranslation:
    """Add or replace the case's translation into `language` (audited like every case change)."""
    if language == case.original_language:
        raise ValueError("a case is not translated into its own language")
    found, _created = CaseTranslation.objects.update_or_create(
        case=case, language=language, defaults={"title": title, "summary": summary}
    )
    return found


def languages_of(record) -> list[tuple[str, bool]]:
    """Each of Vigil's languages but the record's own (a case, a chapter, an event, a recognition
    act: what has `original_language` and `translations`), with whether it is translated into it
    (one query)."""
    done = set(record.translations.values_list("language", flat=True))
    return [
        (code, code in done)
        for code, _name in settings.LANGUAGES
        if code != record.original_language
    ]


# A number as any of Vigil's languages writes it ("1,275", "1.275", "1 275", "۱۲۷۵").
_NUMBER = re.compile(r"\d+(?:[.,\u00a0\u202f ]\d{3})*")


def numbers_in(text: str) -> set[int]:
    """Every number the text states, however its language groups the digits."""
    return {int(re.sub(r"\D", "", found)) for found in _NUMBER.findall(text or "")}
