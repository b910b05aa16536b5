"""The one rule for every uploaded file (sources, ingestion, materials, photos, CSV imports):
not empty, and no larger than settings.MAX_UPLOAD_MB. Every form takes files through
`UploadField` or `ImageUploadField`, which apply `validate_upload` first."""

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


class CheckedUpload:
    """Applies `validate_upload` before the field's own checks (an image field decodes the
    file), and leaves empty files to it so every refusal reads the same."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("allow_empty_file", True)
        super().__init__(*args, **kwargs)

    def to_python(self, data):
        if hasattr(data, "size"):
            validate_upload(data)
        return super().to_python(data)


class UploadField(CheckedUpload, forms.FileField):
    """A file field under the upload rule."""


class ImageUploadField(CheckedUpload, forms.ImageField):
    """An image field under the upload rule."""
