"""What Vigil writes to disk is for its own account alone: folders 0700, files 0600 (0400 for
archived files, which are never modified), whatever the umask."""

import json
import os
import subprocess
import sys
from pathlib import Path

from vigil.private_files import open_private, private_file, private_folder

ROOT = Path(__file__).resolve().parent.parent

# A fresh installation in a process of its own, under the usual umask 022: migrate, archive a
# file, open the database (so SQLite has its -wal and -shm files), create the demonstration
# account, back up; then report the mode of everything in the data directory.
INSTALLATION = """
import json, os, sys
from pathlib import Path
import django
django.setup()
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from vigil.evidence import archive
call_command("migrate", verbosity=0)
archive.store_bytes(b"a witness statement")
call_command("demo_user", stdout=open(os.devnull, "w"))
call_command("backup", sys.argv[1], stdout=open(os.devnull, "w"), stderr=open(os.devnull, "w"))
connection.ensure_connection()
with connection.cursor() as cursor:
    cursor.execute("SELECT count(*) FROM auth_user")
data = settings.DATA_DIR
modes = {str(p.relative_to(data)): p.stat().st_mode & 0o777 for p in [data, *data.rglob("*")]}
modes["backup"] = Path(sys.argv[1]).stat().st_mode & 0o777
print(json.dumps(modes))
"""


def test_a_new_installation_writes_everything_owner_only(tmp_path):
    env = {
        **{k: v for k, v in os.environ.items() if k != "DATABASE_URL"},
        "DJANGO_SETTINGS_MODULE": "vigil.settings",
        "VIGIL_DATA_DIR": str(tmp_path / "var"),
        "VIGIL_BACKUP_PASSPHRASE": "a passphrase for this test",
    }
    completed = subprocess.run(
        [sys.executable, "-c", INSTALLATION, str(tmp_path / "backup.age")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        umask=0o022,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    modes = json.loads(completed.stdout.strip().splitlines()[-1])
    for name in ["vigil.sqlite3", "vigil.sqlite3-wal", "vigil.sqlite3-shm", "secret_key"]:
        assert modes[name] == 0o600, name
    assert modes["demo-password"] == 0o600 and modes["backup"] == 0o600
    for name in [".", "archive", "archive/incoming", "static"]:
        assert modes[name] == 0o700, name
    archived = [name for name in modes if len(Path(name).name) == 64]
    assert len(archived) == 1 and modes[archived[0]] == 0o400
    readable_by_others = {name: oct(mode) for name, mode in modes.items() if mode & 0o077}
    assert readable_by_others == {}


def test_what_an_older_vigil_left_readable_is_tightened(tmp_path):
    folder, file = tmp_path / "var", tmp_path / "var" / "vigil.sqlite3"
    folder.mkdir(mode=0o755)
    file.write_text("")
    file.chmod(0o644)
    private_folder(folder)
    private_file(file)
    assert folder.stat().st_mode & 0o777 == 0o700 and file.stat().st_mode & 0o777 == 0o600


def test_a_file_opened_private_is_owner_only_before_anything_is_written(tmp_path):
    target = tmp_path / "secret"
    with open_private(target, "w") as stream:
        assert os.fstat(stream.fileno()).st_mode & 0o777 == 0o600
        stream.write("seed")
    assert target.read_text() == "seed"
