"""An event's title and description, and a chapter's description, in the reader's language: the
original, a translation of it, or the original with a note saying no translation exists yet."""

from dataclasses import dataclass

from django.utils import translation

from vigil.campaigns.models import Chapter, ChapterTranslation, Event, EventTranslation
from vigil.cases.translations import ShownText


@dataclass
class EventText(ShownText):
    title: str
    description: str
    language: str
    original_language: str
    not_yet_in: str = ""


def event_text(event: Event, language: str | None = None) -> EventText:
    """The event's title and description for a reader of `language` (default: the active one);
    one query at most."""
    language = language or translation.get_language() or event.original_language
    original = EventText(
        event.title, event.description, event.original_language, event.original_language
    )
    if language == event.original_language:
        return original
    found = EventTranslation.objects.filter(event=event, language=language).first()
    if found is None:
        original.not_yet_in = language
        return original
    return EventText(found.title, found.description, language, event.original_language)


def save_event_translation(
    event: Event, *, language: str, title: str, description: str
) -> EventTranslation:
    """Add or replace the event's translation into `language` (audited)."""
    if language == event.original_language:
        raise ValueError("an event is not translated into its own language")
    found, _created = EventTranslation.objects.update_or_create(
        event=event, language=language, defaults={"title": title, "description": description}
    )
    return found


@dataclass
class ChapterText(ShownText):
    description: str
    language: str
    original_language: str
    not_yet_in: str = ""


def chapter_text(chapter: Chapter, language: str | None = None) -> ChapterText:
    """The chapter's description for a reader of `language` (default: the active one); one query
    at most, none for a chapter without a description."""
    language = language or translation.get_language() or chapter.original_language
    written_in = chapter.original_language
    original = ChapterText(chapter.description, written_in, written_in)
    if language == chapter.original_language or not chapter.description:
        return original
    found = ChapterTranslation.objects.filter(chapter=chapter, language=language).first()
    if found is None:
        original.not_yet_in = language
        return original
    return ChapterText(found.description, language, chapter.original_language)


def save_chapter_translation(
    chapter: Chapter, *, language: str, description: str
) -> ChapterTranslation:
    """Add or replace the chapter's description in `language` (audited)."""
    if language == chapter.original_language:
        raise ValueError("a chapter is not translated into its own language")
    found, _created = ChapterTranslation.objects.update_or_create(
        chapter=chapter, language=language, defaults={"description": description}
    )
    return found
