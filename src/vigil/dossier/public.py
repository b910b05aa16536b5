"""What may leave Vigil: the one place that decides what the dossier, the public site, the open
data and the feeds may show.

- sources whose access level is public and that a researcher published;
- claims that are verified, published, and come from such a source;
- recognition acts that are verified and published, with only their public sources;

Verified is not enough: publishing is a deliberate step of its own (vigil.dossier.publishing).
- events that are public and not cancelled; of public materials, approved versions only (each
  language serves its latest approved version).

Nothing about members, contacts, attendees or users is ever selected here.
"""

from django.db.models import Prefetch
from django.utils import timezone

from vigil.campaigns.models import Event, Material, MaterialVersion
from vigil.evidence.models import Claim, Source
from vigil.recognition.models import RecognitionAct


def public_sources(case):
    return Source.objects.filter(
        case=case, access_level=Source.Access.PUBLIC, published_at__isnull=False
    )


def public_claims(case):
    return Claim.objects.filter(
        case=case,
        review_status=Claim.Review.VERIFIED,
        published_at__isnull=False,
        source__in=public_sources(case),
    )


def public_acts(case):
    return (
        RecognitionAct.objects.filter(
            case=case, review=RecognitionAct.Review.VERIFIED, published_at__isnull=False
        )
        .select_related("case", "actor")
        .order_by("date", "pk")
    )


def unverified_act_count(case) -> int:
    return (
        RecognitionAct.objects.filter(case=case)
        .exclude(review=RecognitionAct.Review.VERIFIED)
        .count()
    )


def public_sources_of(act, sources_by_id: dict) -> list:
    return [sources_by_id[s.pk] for s in act.sources.all() if s.pk in sources_by_id]


def upcoming_public_events(case):
    return (
        Event.objects.filter(case=case, is_public=True, ends_at__gte=timezone.now())
        .exclude(status=Event.Status.CANCELLED)
        .select_related("chapter")
        .order_by("starts_at")
    )


def public_materials(case) -> list:
    """The case's public materials that have an approved version, each with `languages`: the
    languages whose public address serves a file."""
    materials = (
        Material.objects.filter(case=case, is_public=True, versions__approved_at__isnull=False)
        .distinct()
        .prefetch_related(
            Prefetch(
                "versions",
                MaterialVersion.objects.filter(approved_at__isnull=False),
                to_attr="approved",
            )
        )
    )
    for material in materials:
        material.languages = sorted({version.language for version in material.approved})
    return list(materials)


def public_material_version(material_pk: int, language: str):
    """The file the public address of a material's language serves: the latest approved version,
    if the material is public; None otherwise."""
    return (
        MaterialVersion.objects.filter(
            material__pk=material_pk,
            material__is_public=True,
            language=language,
            approved_at__isnull=False,
        )
        .select_related("archived_file")
        .order_by("-created_at", "-pk")
        .first()
    )
