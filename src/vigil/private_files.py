"""Folders and files only the account running Vigil may read.

The data directory holds the database (password hashes, second-factor seeds, legal names), the
archive and the secret key, and backups hold all of them: none of it is for other accounts on
the machine. Folders are 0700 and files 0600, whatever the umask; what an older Vigil left
readable is tightened when it is next opened.
"""

import os
from pathlib import Path

FOLDER_MODE = 0o700
FILE_MODE = 0o600


def private_folder(path: Path) -> Path:
    """Create `path` and its missing parents as owner-only folders; tighten it if it exists."""
    missing = [folder for folder in [path, *path.parents] if not folder.exists()]
    for folder in reversed(missing):
        folder.mkdir(mode=FOLDER_MODE, exist_ok=True)
    path.chmod(FOLDER_MODE)
    return path


def private_file(path: Path) -> Path:
    """Create `path` empty as an owner-only file unless it exists; tighten it if it does."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT, FILE_MODE))
    path.chmod(FILE_MODE)
    return path


def open_private(path: Path, mode: str = "wb"):
    """Open `path` for writing (created or truncated) so that it is owner-only from the start."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    os.fchmod(descriptor, FILE_MODE)  # an existing file keeps its mode through O_CREAT
    return os.fdopen(descriptor, mode)


def write_private_text(path: Path, text: str) -> None:
    """Write `text` to `path`, owner-only before a byte is written."""
    with open_private(path, "w") as stream:
        stream.write(text)


def private_sqlite_database(path: Path) -> None:
    """Make an SQLite database file owner-only before SQLite opens it: SQLite gives the -wal and
    -shm files it creates beside it the database file's own mode."""
    if str(path) in {"", ":memory:"} or str(path).startswith("file:"):
        return
    private_file(path)
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            companion.chmod(FILE_MODE)
