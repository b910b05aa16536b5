"""A backup taken while another process writes, run in a process of its own.

tests/ops/test_backup.py starts this with VIGIL_DATA_DIR (a fresh SQLite file in WAL mode,
as in production: the test suite's own SQLite database lives in memory, where WAL does not
exist) or DATABASE_URL (the PostgreSQL test database). It records a case, then backs up; as soon
as the first table is dumped, a second `vigil` process records another case. It prints what the
test checks, as JSON: whether that writer got through, and which cases the live database and
the restored backup hold.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import django

PASSPHRASE = "a passphrase for the backup taken while others write"
WRITE_A_CASE = (
    "from vigil.audit.log import acting_as\n"
    "from vigil.cases.models import Case\n"
    "with acting_as(label='writer'):\n"
    "    Case.objects.create(slug='during', title='Recorded during the backup', place='There')\n"
)


def case_slugs() -> list[str]:
    from vigil.cases.models import Case

    return sorted(Case.objects.values_list("slug", flat=True))


def main(backup: Path) -> dict:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vigil.settings")
    django.setup()
    from django.core.management import call_command

    from vigil.audit.log import acting_as, verify_chain
    from vigil.cases.models import Case
    from vigil.ops.backup import restore_backup, write_backup

    call_command("migrate", verbosity=0)
    with acting_as(label="setup"):
        Case.objects.create(slug="before", title="Recorded before the backup", place="Here")
    writers = []

    def progress(done, total):
        if not writers:  # the snapshot is open and one table is already dumped
            vigil = Path(sys.executable).with_name("vigil")
            writers.append(
                subprocess.run([vigil, "shell", "-c", WRITE_A_CASE], capture_output=True, text=True)
            )

    write_backup(backup, passphrase=PASSPHRASE, progress=progress)
    outcome = {
        "writer_exit": writers[0].returncode,
        "writer_errors": writers[0].stderr[-2000:],
        "live": case_slugs(),
    }
    restore_backup(backup, passphrase=PASSPHRASE)
    outcome.update(restored=case_slugs(), chain_problems=verify_chain())
    return outcome


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]))))
