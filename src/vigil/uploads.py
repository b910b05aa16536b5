"""The one rule for every uploaded file (sources, ingestion, materials, photos, CSV imports):
not empty, and no larger than settings.MAX_UPLOAD_MB. Form fields use it as a validator, with
Django's own empty-file check turned off so the refusal always reads the same."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _


def max_upload_bytes() -> int:
    return settings.MAX_UPLOAD_MB * 1024 * 1024


def validate_upload(upload) -> None:
    """Refuse an empty file, or one over the upload limit, naming the file and the limit."""
    limit = max_upload_bytes()
    if not upload.size:
        raise ValidationError(
            _("The file %(name)s is empty."), code="empty", params={"name": upload.name}
        )
    if upload.size > limit:
        raise ValidationError(
            _("The file %(name)s is %(size)s; the limit is %(limit)s."),
            code="too_large",
            params={
                "name": upload.name,
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(limit),
            },
        )


def upload_field(field_class=forms.FileField, **kwargs) -> forms.FileField:
    """A file field that applies `validate_upload` (and lets it, not Django, refuse empty files)."""
    validators = [*kwargs.pop("validators", []), validate_upload]
    return field_class(allow_empty_file=True, validators=validators, **kwargs)
