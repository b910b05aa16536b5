"""Gathering the documents to ingest from files, folders and zip archives, safely.

A zip archive is read in memory with bounds on the number of files, the total unpacked size
and the compression ratio (a zip bomb is refused), and no name in it may climb out of the archive
("../", absolute paths). Nested archives are refused, not opened.
"""

import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.utils.translation import gettext as _

ACCEPTED = {
    ".pdf",
    ".html",
    ".htm",
    ".txt",
    ".text",
    ".docx",
    ".png",
    ".jpg",
    ".jpeg",
    ".tif",
    ".tiff",
}
MAX_RATIO = 100  # unpacked size / packed size beyond which a member is a bomb


@dataclass
class Document:
    name: str
    data: bytes | None = None
    refusal: str = ""


def _limits() -> tuple[int, int, int]:
    return (
        settings.INGEST_MAX_FILES,
        settings.INGEST_MAX_TOTAL_MB * 1024 * 1024,
        settings.MAX_UPLOAD_MB * 1024 * 1024,
    )


def _read_file(path: Path, label: str, max_file: int) -> Document:
    size = path.stat().st_size
    if size > max_file:
        return Document(
            label,
            refusal=_("%(name)s is larger than the limit of %(mb)s MB.")
            % {"name": label, "mb": max_file // (1024 * 1024)},
        )
    return Document(label, path.read_bytes())


def _from_zip(path: Path, label: str) -> Iterator[Document]:
    max_files, max_total, max_file = _limits()
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        yield Document(
            label, refusal=_("%(name)s is not a readable zip archive.") % {"name": label}
        )
        return
    with archive:
        members = [m for m in archive.infolist() if not m.is_dir()]
        refusal = _archive_refusal(members, label, max_files, max_total)
        if refusal:
            yield Document(label, refusal=refusal)
            return
        for member in members:
            name = f"{label}/{member.filename}"
            refusal = _member_refusal(member, name, max_file)
            if refusal:
                yield Document(name, refusal=refusal)
            else:
                yield _read_member(archive, member, name)


def _archive_refusal(members: list, label: str, max_files: int, max_total: int) -> str:
    """Why the whole archive is refused (too many files, too large unpacked), or ""."""
    if len(members) > max_files:
        return _("%(name)s holds %(n)s files; the limit is %(max)s.") % {
            "name": label,
            "n": len(members),
            "max": max_files,
        }
    if sum(m.file_size for m in members) > max_total:
        return _("%(name)s would unpack to more than %(mb)s MB.") % {
            "name": label,
            "mb": max_total // (1024 * 1024),
        }
    return ""


def _member_refusal(member: zipfile.ZipInfo, name: str, max_file: int) -> str:
    """Why one member of an archive is refused, or "": the others are read all the same."""
    pure = PurePosixPath(member.filename)
    if pure.is_absolute() or ".." in pure.parts or "\\" in member.filename:
        return _("%(name)s: a path that leaves the archive is not allowed.") % {"name": name}
    if pure.suffix.lower() == ".zip":
        return _("%(name)s: archives inside archives are not opened.") % {"name": name}
    if member.file_size > max_file or (
        member.compress_size
        and member.file_size / member.compress_size > MAX_RATIO
        and member.file_size > 1024 * 1024
    ):
        return _("%(name)s unpacks to a suspicious size (a zip bomb?) and was refused.") % {
            "name": name
        }
    if pure.suffix.lower() not in ACCEPTED:
        return _("%(name)s: files of this type are not accepted.") % {"name": name}
    return ""


def _read_member(archive: zipfile.ZipFile, member: zipfile.ZipInfo, name: str) -> Document:
    """One member's bytes, or its own refusal: a damaged member never costs the others."""
    try:
        with archive.open(member) as handle:
            # Read one byte past the declared size: a lying header is caught too.
            data = handle.read(member.file_size + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError):
        # A bad CRC, a truncated or corrupt stream, an unsupported method, or encryption.
        return Document(
            name,
            refusal=_("%(name)s is damaged or encrypted in its archive and could not be read.")
            % {"name": name},
        )
    if len(data) > member.file_size:
        return Document(
            name, refusal=_("%(name)s is larger than its archive says.") % {"name": name}
        )
    return Document(name, data)


def gather(paths: list[Path], labels: list[str] | None = None) -> Iterator[Document]:
    """Every document under the given files, folders and zip archives, in a stable order.
    Documents, and the reasons for refusing them, are named by `labels` (one per path; by
    default the path as given), so a web upload is reported by its own name, never by where it
    was staged on the server."""
    _max_files, _max_total, max_file = _limits()
    for index, path in enumerate(paths):
        label = labels[index] if labels is not None else str(path)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                child_label = str(PurePosixPath(label, *child.relative_to(path).parts))
                yield from _one(child, child_label, max_file)
        elif path.is_file():
            yield from _one(path, label, max_file)
        else:
            yield Document(label, refusal=_("%(name)s does not exist.") % {"name": label})


def _one(path: Path, label: str, max_file: int) -> Iterator[Document]:
    if path.suffix.lower() == ".zip":
        yield from _from_zip(path, label)
    elif path.suffix.lower() not in ACCEPTED:
        yield Document(
            label, refusal=_("%(name)s: files of this type are not accepted.") % {"name": label}
        )
    else:
        yield _read_file(path, label, max_file)


def count(paths: list[Path]) -> int:
    """How many documents `gather` will yield, without reading them (for a progress bar)."""
    total = 0
    for path in paths:
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            if file.suffix.lower() == ".zip" and file.is_file():
                try:
                    with zipfile.ZipFile(file) as archive:
                        total += max(1, sum(1 for m in archive.infolist() if not m.is_dir()))
                except zipfile.BadZipFile:
                    total += 1
            else:
                total += 1
    return total
