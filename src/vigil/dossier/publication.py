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

from django.db.models.signals import m2m_changed, post_delete, post_save

from vigil import public_cache
from vigil.campaigns.models import RSVP, Chapter, Event, Material, MaterialVersion
from vigil.cases.models import Case
from vigil.evidence.models import Claim, Figure, Source
from vigil.recognition.models import Actor, RecognitionAct


def _loaded(instance, field: str):
    """The value `field` had when the record was read (AuditedModel keeps it for the log), so a
    record moved to another case leaves the old case's pages too."""
    return getattr(instance, "_audit_loaded", {}).get(field)


def _case_scopes(*case_ids) -> list[str]:
    slugs = Case.objects.filter(pk__in={pk for pk in case_ids if pk}).values_list("slug", flat=True)
    return [public_cache.case_scope(slug) for slug in slugs]


def _case_record_changed(sender, instance, **kwargs):
    public_cache.bump(*_case_scopes(instance.case_id, _loaded(instance, "case")))


def _case_changed(sender, instance, **kwargs):
    slugs = {instance.slug, _loaded(instance, "slug")} - {None}
    public_cache.bump(*map(public_cache.case_scope, slugs))


def _figure_changed(sender, instance, **kwargs):
    case_ids = Claim.objects.filter(pk=instance.claim_id).values_list("case_id", flat=True)
    public_cache.bump(*_case_scopes(*case_ids))


def _material_version_changed(sender, instance, **kwargs):
    case_ids = Material.objects.filter(pk=instance.material_id).values_list("case_id", flat=True)
    public_cache.bump(*_case_scopes(*case_ids))


def _event_changed(sender, instance, **kwargs):
    cases = _case_scopes(instance.case_id, _loaded(instance, "case"))
    public_cache.bump(public_cache.event_scope(instance.pk), *cases)


def _reply_changed(sender, instance, **kwargs):
    # A reply can fill the event: its page then says so, and offers the waiting list.
    public_cache.bump(public_cache.event_scope(instance.event_id))


def _actor_changed(sender, instance, **kwargs):
    case_ids = RecognitionAct.objects.filter(actor=instance).values_list("case_id", flat=True)
    public_cache.bump(*_case_scopes(*case_ids))


def _chapter_changed(sender, instance, **kwargs):
    events = Event.objects.filter(chapter=instance).values_list("pk", flat=True)
    public_cache.bump(*map(public_cache.event_scope, events))


def _act_sources_changed(sender, instance, action, pk_set, **kwargs):
    if not action.startswith("post_"):
        return
    case_ids = [instance.case_id]
    if isinstance(instance, Source) and pk_set:  # changed from the source's side
        case_ids += RecognitionAct.objects.filter(pk__in=pk_set).values_list("case_id", flat=True)
    public_cache.bump(*_case_scopes(*case_ids))


RECEIVERS = {
    Case: _case_changed,
    Source: _case_record_changed,
    Claim: _case_record_changed,
    RecognitionAct: _case_record_changed,
    Material: _case_record_changed,
    Figure: _figure_changed,
    MaterialVersion: _material_version_changed,
    Event: _event_changed,
    RSVP: _reply_changed,
    Actor: _actor_changed,
    Chapter: _chapter_changed,
}


def connect() -> None:
    for model, receiver in RECEIVERS.items():
        uid = f"vigil.publication.{model._meta.label}"
        post_save.connect(receiver, sender=model, dispatch_uid=uid)
        post_delete.connect(receiver, sender=model, dispatch_uid=uid)
    m2m_changed.connect(
        _act_sources_changed,
        sender=RecognitionAct.sources.through,
        dispatch_uid="vigil.publication.act_sources",
    )
