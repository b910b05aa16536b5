"""The content-addressed archive: bytes stored once under their SHA-256 and never modified."""

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from django.conf import settings

from vigil.evidence.models import ArchivedFile
from vigil.private_files import private_folder

CHUNK = 1024 * 1024


def archive_root() -> Path:
    return Path(settings.ARCHIVE_DIR)


def path_for(sha256: str) -> Path:
    return archive_root() / sha256[:2] / sha256[2:4] / sha256


def store_chunks(chunks: Iterable[bytes]) -> tuple[str, int]:
    """Write the bytes to the archive; return (sha256, size). Existing files are left untouched."""
    root = archive_root()
    private_folder(root / "incoming")
    digest = hashlib.sha256()
    size = 0
    fd, temp_name = tempfile.mkstemp(dir=root / "incoming")
    try:
        with os.fdopen(fd, "wb") as out:
            for chunk in chunks:
                digest.update(chunk)
                size += len(chunk)
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        sha = digest.hexdigest()
        final = path_for(sha)
        private_folder(final.parent)
        if not final.exists():
            os.chmod(temp_name, 0o400)  # read-only, and for Vigil's own account alone
            # link() never overwrites: if another writer got there first, its copy stands.
            with contextlib.suppress(FileExistsError):
                os.link(temp_name, final)
        return sha, size
    finally:
        os.unlink(temp_name)


def store_bytes(data: bytes) -> tuple[str, int]:
    return store_chunks([data])


def archive_upload(content, *, name: str, media_type: str):
    """Store bytes in the archive and return their ArchivedFile row: the one way Vigil keeps a
    file (sources, dossiers, materials, event photos).

    `content` is bytes or an uploaded file (read in chunks, never whole). Bytes already archived
    give back their existing row, with the name and media type they were first stored under.
    """
    chunks = [content] if isinstance(content, bytes) else content.chunks()
    sha, size = store_chunks(chunks)
    archived, _created = ArchivedFile.objects.get_or_create(
        sha256=sha,
        defaults={"size": size, "media_type": media_type[:100], "original_name": name[:255]},
    )
    return archived


def read_bytes(sha256: str) -> bytes:
    return path_for(sha256).read_bytes()


def hash_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def verify_archive() -> list[str]:
    """Re-hash every archived file; return one line per file missing or altered."""
    problems = []
    for archived in ArchivedFile.objects.order_by("pk").iterator(chunk_size=500):
        path = path_for(archived.sha256)
        if not path.exists():
            problems.append(
                f"archived file {archived.sha256} ({archived.original_name}) is missing"
            )
        elif hash_file(path) != archived.sha256:
            problems.append(
                f"archived file {archived.sha256} ({archived.original_name}) was altered: "
                "its bytes no longer match its SHA-256"
            )
    return problems


def download_response(sha256: str, filename: str):
    """An archived file as a download: always an attachment, never rendered by the browser, and
    typed as plain bytes so an uploaded page or script can never run on Vigil's origin."""
    from django.http import FileResponse

    response = FileResponse(
        path_for(sha256).open("rb"),
        as_attachment=True,
        filename=filename.rsplit("/", 1)[-1] or f"{sha256}.bin",
        content_type="application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
