"""One upload rule everywhere a file is accepted: an empty file, or one over VIGIL_MAX_UPLOAD_MB,
is refused with a form error that names it, and nothing is stored."""

import importlib
import pkgutil

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import vigil
from tests.campaigns.conftest import make_event
from vigil.campaigns import materials
from vigil.campaigns.models import Chapter, EventPhoto, Member
from vigil.evidence.models import ArchivedFile, Source
from vigil.ingest.models import IngestJob
from vigil.recognition.models import RecognitionAct
from vigil.uploads import CheckedUpload

pytestmark = pytest.mark.django_db

LIMIT_MB = 1


@pytest.fixture(autouse=True)
def small_limit(settings):
    settings.MAX_UPLOAD_MB = LIMIT_MB


def empty(name):
    return SimpleUploadedFile(name, b"")


def too_large(name):
    return SimpleUploadedFile(name, b"x" * (LIMIT_MB * 1024 * 1024 + 1))


REFUSALS = [
    (empty, "The file {name} is empty."),
    (too_large, "The file {name} is 1.0\xa0MB; the limit is 1.0\xa0MB."),
]


def refusal_shown(response, message: str) -> bool:
    return message in response.content.decode().replace("&nbsp;", "\xa0")


@pytest.mark.parametrize(("make", "message"), REFUSALS)
def test_a_source_upload_is_refused(alice_client, case, make, message):
    data = {"kind": "report", "title": "T", "reliability_grade": "F", "access_level": "public"}
    response = alice_client.post(
        reverse("evidence:source_upload", args=[case.slug]), {**data, "file": make("a.txt")}
    )
    assert refusal_shown(response, message.format(name="a.txt"))
    assert not Source.objects.exists()


@pytest.mark.parametrize(("make", "message"), REFUSALS)
def test_an_ingestion_upload_is_refused(alice_client, case, make, message):
    files = [SimpleUploadedFile("fine.txt", b"Some text."), make("b.txt")]
    response = alice_client.post(reverse("ingest:page", args=[case.slug]), {"files": files})
    assert refusal_shown(response, message.format(name="b.txt"))
    assert not IngestJob.objects.exists()


@pytest.mark.parametrize(("make", "message"), REFUSALS)
def test_a_recognition_import_is_refused(alice_client, case, make, message):
    response = alice_client.post(
        reverse("recognition:import", args=[case.slug]), {"file": make("acts.csv")}
    )
    assert refusal_shown(response, message.format(name="acts.csv"))
    assert not RecognitionAct.objects.filter(case=case).exists()


@pytest.mark.parametrize("url_name", ["campaigns:member_import", "campaigns:contact_import"])
@pytest.mark.parametrize(("make", "message"), REFUSALS)
def test_a_campaign_import_is_refused(administrator_client, url_name, make, message):
    response = administrator_client.post(reverse(url_name), {"file": make("people.csv")})
    assert refusal_shown(response, message.format(name="people.csv"))
    assert not Member.objects.exists()


@pytest.mark.parametrize(("make", "message"), REFUSALS)
def test_a_material_version_is_refused(administrator, administrator_client, make, message):
    material = materials.create_material(administrator, title="Leaflet", kind="other")
    response = administrator_client.post(
        reverse("campaigns:material", args=[material.pk]), {"language": "en", "file": make("l.pdf")}
    )
    assert refusal_shown(response, message.format(name="l.pdf"))
    assert not material.versions.exists()


@pytest.mark.parametrize(("make", "message"), REFUSALS)
def test_an_event_photo_is_refused(administrator_client, make, message):
    event = make_event(Chapter.objects.create(name="Berlin", city="Berlin", country_code="DEU"))
    response = administrator_client.post(
        reverse("campaigns:event_outcome", args=[event.pk]), {"photo": make("p.jpg")}, follow=True
    )
    assert refusal_shown(response, message.format(name="p.jpg"))
    assert not EventPhoto.objects.exists() and not ArchivedFile.objects.exists()


def _vigil_forms() -> set[type]:
    for module in pkgutil.walk_packages(vigil.__path__, "vigil."):
        if module.name.rsplit(".", 1)[-1] in ("forms", "views", "tabular") or ".views." in (
            module.name
        ):
            importlib.import_module(module.name)
    found, pending = set(), [forms.BaseForm]
    while pending:
        for subclass in pending.pop().__subclasses__():
            pending.append(subclass)
            if subclass.__module__.startswith("vigil."):
                found.add(subclass)
    return found


def test_every_file_field_of_every_form_applies_the_upload_rule():
    file_fields = [
        (form, name)
        for form in _vigil_forms()
        for name, field in form.base_fields.items()
        if isinstance(field, forms.FileField)
    ]
    assert len(file_fields) >= 5
    assert [(f, n) for f, n in file_fields if not isinstance(f.base_fields[n], CheckedUpload)] == []
