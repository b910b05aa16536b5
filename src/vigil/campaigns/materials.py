"""Campaign materials: creating them, uploading language versions, approving versions, publishing.

Approval covers one version, not a title: every upload is a new version, pending until someone
who may approve the material (vigil.accounts.permissions.can_approve_material) approves it. The
public address of a language serves that language's latest approved version of a public material,
so a file uploaded after approval is never public until it is approved itself. Every change is
written to the audit log (the models are audited).
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vigil.accounts import permissions
from vigil.campaigns.models import Material, MaterialVersion
from vigil.evidence import archive


def create_material(user, *, title: str, kind: str, case=None, description: str = "") -> Material:
    """A new material by a campaign member; it may name only a case its author may open."""
    if not permissions.can_view_campaigns(user):
        raise PermissionDenied(
            _("Materials are made by the campaign's coordinators and volunteers.")
        )
    if case is not None and not permissions.can_view_case(user, case):
        raise PermissionDenied(_("You may link a material only to a case you take part in."))
    return Material.objects.create(
        title=title, kind=kind, case=case, description=description, created_by=user
    )


def add_version(material: Material, *, language: str, upload, user) -> MaterialVersion:
    """Archive an uploaded file as a new, pending version in `language`.

    The same bytes as the language's latest version add nothing and return that version.
    """
    if not permissions.can_manage_material(user, material):
        raise PermissionDenied(
            _("Only the material's author or a researcher of its case may change it.")
        )
    language = language.strip().lower()
    archived = archive.archive_upload(
        upload, name=upload.name, media_type=upload.content_type or ""
    )
    latest = latest_version(material, language)
    if latest is not None and latest.archived_file_id == archived.pk:
        return latest
    return MaterialVersion.objects.create(
        material=material, language=language, archived_file=archived, uploaded_by=user
    )


def approve_version(version: MaterialVersion, user, now=None) -> MaterialVersion:
    """Vouch for one version; it becomes the public one of its language if it is the latest
    approved (and the material is public)."""
    if not permissions.can_approve_material(user, version.material):
        raise PermissionDenied(_("Only a researcher of the material's case may approve it."))
    if version.is_approved:
        return version
    version.approved_by = user
    version.approved_at = now or timezone.now()
    version.save(update_fields=["approved_by", "approved_at"])
    return version


@transaction.atomic
def set_public(material: Material, user, public: bool) -> Material:
    """Publish a material (its approved versions only) or take it back; publishing needs an
    approved version."""
    if not permissions.can_approve_material(user, material):
        raise PermissionDenied(_("Only a researcher of the material's case may publish it."))
    if public and not approved_versions(material).exists():
        raise ValidationError(_("A material needs an approved version before it is public."))
    material.is_public = public
    material.save(update_fields=["is_public"])
    return material


def latest_version(material: Material, language: str) -> MaterialVersion | None:
    return material.versions.filter(language=language).order_by("-created_at", "-pk").first()


def approved_versions(material: Material):
    return material.versions.filter(approved_at__isnull=False)


def latest_approved(material: Material, language: str) -> MaterialVersion | None:
    """The version the public address of `language` serves (whether or not it is public)."""
    return (
        approved_versions(material)
        .filter(language=language)
        .order_by("-created_at", "-pk")
        .select_related("archived_file")
        .first()
    )


def version_rows(material: Material) -> list[dict]:
    """Every version, newest first within its language, with what the page says about it."""
    rows, served = [], {}
    versions = material.versions.select_related("archived_file", "uploaded_by", "approved_by")
    for version in versions.order_by("language", "-created_at", "-pk"):
        is_served = version.is_approved and version.language not in served
        if is_served:
            served[version.language] = version
        rows.append({"version": version, "served": is_served})
    return rows
