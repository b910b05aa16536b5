"""A recognition act's wording in the reader's language: the quoted original, a translation of
it, or the original with a note saying no translation exists yet."""

from dataclasses import dataclass

from django.utils import translation
from django.utils.translation import gettext

from vigil import formats
from vigil.cases.translations import ShownText
from vigil.recognition.models import RecognitionAct, RecognitionActTranslation


@dataclass
class ActText(ShownText):
    wording: str
    language: str
    original_language: str
    not_yet_in: str = ""

    @property
    def note(self) -> str:
        """The note the pages show beside the wording (cases/translation_note.html), as text."""
        if self.not_yet_in:
            return gettext("Shown in %(shown)s: not yet translated into %(reader)s.") % {
                "shown": formats.language_name(self.language),
                "reader": formats.language_name(self.not_yet_in),
            }
        if self.is_translation:
            return gettext("A translation: the original is in %(original)s.") % {
                "original": formats.language_name(self.original_language)
            }
        return ""


def act_texts(acts, language: str | None = None) -> dict[int, ActText]:
    """Each act's wording for a reader of `language` (default: the active one), by the act's id;
    one query, however many acts."""
    acts = list(acts)
    language = language or translation.get_language()
    found = dict(
        RecognitionActTranslation.objects.filter(
            act__in=[act.pk for act in acts if act.original_language != language],
            language=language,
        ).values_list("act_id", "wording")
    )
    texts = {}
    for act in acts:
        if act.original_language == language:
            texts[act.pk] = ActText(act.wording, language, language)
        elif act.pk in found:
            texts[act.pk] = ActText(found[act.pk], language, act.original_language)
        else:
            texts[act.pk] = ActText(
                act.wording, act.original_language, act.original_language, not_yet_in=language
            )
    return texts


def with_texts(acts, language: str | None = None) -> list[RecognitionAct]:
    """The acts, each with its `text` (an ActText) for the reader; one query."""
    acts = list(acts)
    texts = act_texts(acts, language)
    for act in acts:
        act.text = texts[act.pk]
    return acts


def act_text(act: RecognitionAct, language: str | None = None) -> ActText:
    return act_texts([act], language)[act.pk]


def may_translate(user, case) -> bool:
    """The case's researchers and administrators may translate its acts' wording, and so may
    anyone given "Can translate a recognition act's wording" (a translator, who may change no
    evidence)."""
    return case.editable or user.has_perm("recognition.translate_act")


def save_act_translation(
    act: RecognitionAct, *, language: str, wording: str
) -> RecognitionActTranslation:
    """Add or replace the act's wording in `language` (audited)."""
    if language == act.original_language:
        raise ValueError("an act is not translated into its own language")
    found, _created = RecognitionActTranslation.objects.update_or_create(
        act=act, language=language, defaults={"wording": wording}
    )
    return found
