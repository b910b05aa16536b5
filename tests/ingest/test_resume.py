"""Kill `vigil ingest` part-way with a real signal, run it again: nothing lost, nothing twice."""

import os
import signal
import sqlite3
import subprocess
import sys
import time

DOCUMENTS = 40


def vigil(env, *args, **kwargs):
    return subprocess.run(
        [sys.executable, "-m", "vigil", *args],
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
        **kwargs,
    )


def count(db, table):
    with sqlite3.connect(db) as connection:
        return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608


def test_an_interrupted_run_resumes_without_duplicating(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["VIGIL_DATA_DIR"] = str(tmp_path / "data")
    db = tmp_path / "data" / "vigil.sqlite3"
    vigil(env, "migrate", "-v0")
    vigil(
        env,
        "shell",
        "-c",
        "from vigil.cases.models import Case; Case.objects.create(slug='c', title='C')",
    )
    folder = tmp_path / "docs"
    folder.mkdir()
    paragraph = "On 26 February 1992, {n} residents were killed and 40 were taken hostage. "
    for n in range(DOCUMENTS):
        (folder / f"doc{n:02d}.txt").write_text((paragraph.format(n=100 + n)) * 60)

    run = subprocess.Popen(
        [sys.executable, "-m", "vigil", "ingest", str(folder), "--case", "c"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if db.exists() and count(db, "evidence_source") >= 3:
            break
        time.sleep(0.05)
    run.send_signal(signal.SIGKILL)
    run.wait()
    stored_before = count(db, "evidence_source")
    assert 0 < stored_before < DOCUMENTS, "the run was not interrupted part-way"
    candidates_before = count(db, "ingest_candidate")

    again = vigil(env, "ingest", str(folder), "--case", "c")
    stored_now = DOCUMENTS - stored_before
    files = "file" if stored_now == 1 else "files"
    assert f"{stored_now} {files} stored, {stored_before} files already present" in again.stdout
    assert count(db, "evidence_source") == DOCUMENTS
    with sqlite3.connect(db) as connection:
        duplicates = connection.execute(
            'SELECT count(*) FROM (SELECT source_id, kind, start, "end", count(*) AS n '
            'FROM ingest_candidate GROUP BY source_id, kind, start, "end", data HAVING n > 1)'
        ).fetchone()[0]
        sources_without_candidates = connection.execute(
            "SELECT count(*) FROM evidence_source WHERE id NOT IN "
            "(SELECT source_id FROM ingest_candidate)"
        ).fetchone()[0]
    assert duplicates == 0
    assert sources_without_candidates == 0
    assert count(db, "ingest_candidate") > candidates_before
