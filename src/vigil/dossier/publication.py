"""What a change reaches on the public site: every save or delete of a record that a public page,
its open data or its feed may show bumps the version of that page's scope (see
vigil.public_cache), inside the writer's transaction, so the next visitor after the commit sees
the change.

Records of a case (sources, claims and their figures, recognition acts and their sources,
materials and their versions, events) bump their case; an event and its replies bump the event's
page; an actor bumps the cases of its acts, and a chapter the pages of its events, which show
their names. Whether the record is public is not asked: a source made restricted must leave the
pages too.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

from vigil.campaigns.models import (
    RSVP,
    Chapter,
    ChapterTranslation,
    Event,
    EventTranslation,
    Material,
    MaterialVersion,
)
from vigil.cases.models import Case, CaseTranslation
from vigil.evidence.models import Claim, Figure, Source
from vigil.public_cache import cache as public_cache
from vigil.recognition.models import Actor, RecognitionAct, RecognitionActTranslation


def _remember_stored(sender, instance, raw=False, **kwargs):
    """Before a change is saved: the case (or, for a case, the slug) the stored row has, so that
    a record moved to another case, or a case renamed, leaves the old pages too."""
    if instance.pk is None or raw:
        return
    field = "slug" if sender is Case else "case_id"
    stored = sender.objects.filter(pk=instance.pk).values_list(field, flat=True)
    instance._public_pages_before = stored.first()


def _before(instance):
    return getattr(instance, "_public_pages_before", None)


def _case_scopes(*case_ids) -> list[str]:
    cases = Case.objects.filter(pk__in={pk for pk in case_ids if pk}).order_by()  # bump sorts
    slugs = cases.values_list("slug", flat=True)
    return [public_cache.case_scope(slug) for slug in slugs]


def _case_record_changed(sender, instance, **kwargs):
    public_cache.bump(*_case_scopes(instance.case_id, _before(instance)))


def _case_changed(sender, instance, **kwargs):
    slugs = {instance.slug, _before(instance)} - {None}
    public_cache.bump(*map(public_cache.case_scope, slugs))


def _figure_changed(sender, instance, **kwargs):
    case_ids = Claim.objects.filter(pk=instance.claim_id).values_list("case_id", flat=True)
    public_cache.bump(*_case_scopes(*case_ids))


def _material_version_changed(sender, instance, **kwargs):
    case_ids = Material.objects.filter(pk=instance.material_id).values_list("case_id", flat=True)
    public_cache.bump(*_case_scopes(*case_ids))


def _event_changed(sender, instance, **kwargs):
    cases = _case_scopes(instance.case_id, _before(instance))
    public_cache.bump(public_cache.event_scope(instance.pk), *cases)


def _event_translation_changed(sender, instance, **kwargs):
    # The event's own page shows it (the case page lists events by their original title).
    public_cache.bump(public_cache.event_scope(instance.event_id))


def _reply_changed(sender, instance, **kwargs):
    # A reply can fill the event: its page then says so, and offers the waiting list.
    public_cache.bump(public_cache.event_scope(instance.event_id))


def _actor_changed(sender, instance, **kwargs):
    case_ids = RecognitionAct.objects.filter(actor=instance).values_list("case_id", flat=True)
    public_cache.bump(*_case_scopes(*case_ids))


def _chapter_changed(sender, instance, **kwargs):
    events = Event.objects.filter(chapter=instance).values_list("pk", flat=True)
    public_cache.bump(*map(public_cache.event_scope, events))


def _chapter_translation_changed(sender, instance, **kwargs):
    # Its events' public pages show the chapter's description in the reader's language.
    _chapter_changed(sender, instance.chapter, **kwargs)


def _act_translation_changed(sender, instance, **kwargs):
    # The public page, its open data and feed show an act's wording in the reader's language.
    case_id = RecognitionAct.objects.filter(pk=instance.act_id).values_list("case_id", flat=True)
    public_cache.bump(*_case_scopes(*case_id))


def _act_sources_changed(sender, instance, action, pk_set, **kwargs):
    if not action.startswith("post_"):
        return
    case_ids = [instance.case_id]
    if isinstance(instance, Source) and pk_set:  # changed from the source's side
        case_ids += RecognitionAct.objects.filter(pk__in=pk_set).values_list("case_id", flat=True)
    public_cache.bump(*_case_scopes(*case_ids))


RECEIVERS = {
    Case: _case_changed,
    CaseTranslation: _case_record_changed,
    Source: _case_record_changed,
    Claim: _case_record_changed,
    RecognitionAct: _case_record_changed,
    RecognitionActTranslation: _act_translation_changed,
    Material: _case_record_changed,
    Figure: _figure_changed,
    MaterialVersion: _material_version_changed,
    Event: _event_changed,
    EventTranslation: _event_translation_changed,
    RSVP: _reply_changed,
    Actor: _actor_changed,
    Chapter: _chapter_changed,
    ChapterTranslation: _chapter_translation_changed,
}


# Records that can move to another case (or, for Case, change its slug).
MOVABLE = (Case, Source, Claim, RecognitionAct, Material, Event)


def connect() -> None:
    for model, receiver in RECEIVERS.items():
        uid = f"vigil.publication.{model._meta.label}"
        post_save.connect(receiver, sender=model, dispatch_uid=uid)
        post_delete.connect(receiver, sender=model, dispatch_uid=uid)
    for model in MOVABLE:
        pre_save.connect(_remember_stored, sender=model, dispatch_uid=f"vigil.publication.{model}")
    m2m_changed.connect(
        _act_sources_changed,
        sender=RecognitionAct.sources.through,
        dispatch_uid="vigil.publication.act_sources",
    )
