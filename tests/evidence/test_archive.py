import hashlib
import os
import stat

import pytest

from tests.conftest import make_source
from vigil.evidence import archive, services
from vigil.evidence.models import ArchivedFile, Source

pytestmark = pytest.mark.django_db


def test_it_stores_bytes_under_their_sha256_read_only(case):
    source = make_source(case, text="exact bytes")
    path = archive.path_for(source.archived_file.sha256)
    assert path.read_bytes() == b"exact bytes"
    assert path.name == hashlib.sha256(b"exact bytes").hexdigest()
    assert archive.hash_file(path) == source.archived_file.sha256
    assert not os.stat(path).st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)


def test_the_same_bytes_twice_give_back_the_existing_source(case):
    first = make_source(case, text="same words", title="First upload")
    again = services.add_source_from_bytes(
        case,
        data=b"same words",
        filename="renamed.txt",
        metadata={"kind": "other", "title": "Second upload"},
    )
    assert again.created is False
    assert again.source == first
    assert Source.objects.filter(case=case).count() == 1
    assert ArchivedFile.objects.count() == 1


def test_the_same_bytes_in_another_case_share_one_archived_file(case):
    from vigil.cases.models import Case

    other = Case.objects.create(slug="other", title="Other")
    make_source(case, text="shared document")
    make_source(other, text="shared document")
    assert ArchivedFile.objects.count() == 1
    assert Source.objects.count() == 2


def test_it_never_overwrites_an_archived_file(case):
    sha, _ = archive.store_bytes(b"original")
    path = archive.path_for(sha)
    inode = os.stat(path).st_ino
    archive.store_bytes(b"original")
    assert os.stat(path).st_ino == inode
    assert not list((archive.archive_root() / "incoming").iterdir())


def test_archive_upload_keeps_an_uploaded_file_once_under_its_first_name():
    from django.core.files.uploadedfile import SimpleUploadedFile

    photo = SimpleUploadedFile("vigil.jpg", b"\xff\xd8 a photo", content_type="image/jpeg")
    first = archive.archive_upload(photo, name=photo.name, media_type="image/jpeg")
    again = archive.archive_upload(b"\xff\xd8 a photo", name="copy.bin", media_type="image")
    assert again.pk == first.pk
    assert (again.original_name, again.media_type, again.size) == ("vigil.jpg", "image/jpeg", 10)
    assert archive.read_bytes(first.sha256) == b"\xff\xd8 a photo"
    assert ArchivedFile.objects.count() == 1


def test_every_place_that_keeps_bytes_archives_them_through_archive_upload():
    """A second way of writing ArchivedFile rows would skip what archive_upload guarantees."""
    from pathlib import Path

    import vigil

    writers = []
    for path in Path(vigil.__file__).parent.rglob("*.py"):
        code = path.read_text(encoding="utf-8")
        if "ArchivedFile.objects.get_or_create" in code or "ArchivedFile.objects.create" in code:
            writers.append(path.name)
    assert writers == ["archive.py"]
