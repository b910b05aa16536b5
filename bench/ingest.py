"""Ingestion throughput: documents per second for 5 KB texts and for 20-page PDFs, with one
worker and with two (separate processes sharing one SQLite database, as `vigil ingest` runs).

Usage: .venv/bin/python bench/ingest.py [--texts N] [--pdfs N]
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SENTENCES = [
    "On {d} February 1992, {n} residents of the town were killed and {m} were taken hostage.",
    "Under article 6 of the Rome Statute, the killing of members of a group may be genocide.",
    "The OIC and the Council of Europe discussed the report in Strasbourg and Baku.",
    "In 1993 the Security Council adopted resolution 822 (1993) on the conflict.",
    "Witnesses described how families fled across the fields towards Agdam at night.",
]


def text_document(index: int, size: int = 5 * 1024) -> str:
    parts, i = [], 0
    while sum(len(p) + 1 for p in parts) < size:
        parts.append(SENTENCES[i % len(SENTENCES)].format(d=1 + i % 27, n=100 + index, m=10 + i))
        i += 1
    return f"Report {index}.\n" + " ".join(parts)


def pdf_document(index: int, pages: int = 20) -> bytes:
    from weasyprint import HTML

    page = "<p>" + text_document(index, 2500) + "</p>"
    html = "".join(f'<section style="break-after: page">{page}</section>' for _ in range(pages))
    return HTML(string=f"<html><body>{html}</body></html>").write_pdf()


def vigil(env, *args):
    return subprocess.run(
        [sys.executable, "-m", "vigil", *args], env=env, check=True, capture_output=True, text=True
    )


def timed_ingest(env, folders: list[Path]) -> float:
    started = time.perf_counter()
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "vigil", "ingest", str(f), "--case", "bench"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for f in folders
    ]
    for run in runs:
        if run.wait() != 0:
            raise SystemExit("an ingest run failed")
    return time.perf_counter() - started


def measure(kind: str, files: dict[str, bytes], workers: int) -> None:
    with tempfile.TemporaryDirectory(prefix="vigil-bench-") as folder:
        _measure(Path(folder), kind, files, workers)


def _measure(root: Path, kind: str, files: dict[str, bytes], workers: int) -> None:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["VIGIL_DATA_DIR"] = str(root / "data")
    vigil(env, "migrate", "-v0")
    vigil(
        env,
        "shell",
        "-c",
        "from vigil.cases.models import Case; "
        "Case.objects.create(slug='bench', title='Synthetic benchmark')",
    )
    folders = [root / f"part{w}" for w in range(workers)]
    for folder in folders:
        folder.mkdir()
    for i, (name, data) in enumerate(sorted(files.items())):
        (folders[i % workers] / name).write_bytes(data)
    seconds = timed_ingest(env, folders)
    print(
        f"{kind:<18} {workers} worker{'s' if workers > 1 else ' '}  {len(files):4d} docs  "
        f"{seconds:7.2f} s  {len(files) / seconds:7.2f} docs/s  (incl. ~1 s start-up per run)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--texts", type=int, default=200)
    parser.add_argument("--pdfs", type=int, default=20)
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vigil.settings")
    setup = tempfile.TemporaryDirectory(prefix="vigil-bench-setup-")
    os.environ.setdefault("VIGIL_DATA_DIR", setup.name)
    texts = {f"t{i:04d}.txt": text_document(i).encode() for i in range(args.texts)}
    pdfs = {f"p{i:04d}.pdf": pdf_document(i) for i in range(args.pdfs)}
    for workers in (1, 2):
        measure("5 KB texts", texts, workers)
        measure("20-page PDFs", pdfs, workers)
    setup.cleanup()


if __name__ == "__main__":
    main()
