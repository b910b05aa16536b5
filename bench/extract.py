"""Extraction speed on its own (no database): milliseconds per 50 KB of text, for the labelled
development set and for texts that stress one rule (a judgment citing "the Convention" on every
line, long runs of bare articles, resolutions, yearless days, lists of tolls, infobox bullets).

Usage: .venv/bin/python bench/extract.py [--repeat N]
"""

import argparse
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZE = 50 * 1024


def texts() -> dict[str, str]:
    devset = "\n\n".join(
        p.read_text() for p in sorted((ROOT / "tests/ingest/devset/docs").glob("*.txt"))
    )
    repeated = {
        "judgment citing 'the Convention'": (
            "under the European Convention on Human Rights. ",
            "The applicant relied on Article 3 of the Convention, which the Court applies. ",
        ),
        "bare articles after an instrument": (
            "the Rome Statute. ",
            "Article 7 applies and article 8 too. ",
        ),
        "Security Council preamble": (
            "The Security Council, ",
            "Recalling its resolution 822 (1993) of 30 April 1993 and resolution 853 (1993), ",
        ),
        "yearless days": ("On 26 February 1992 it began. ", "On March 3 and April 4 more came. "),
        "lists of tolls": ("", "Including 106 women, 63 children, 70 old men were killed. "),
        "infobox bullets": ("Civilian deaths:\n", "• 16,000 civilians[7]\n"),
    }
    result = {"development set (its first 50 KB)": devset[:SIZE]}
    for name, (opening, line) in repeated.items():
        result[name] = (opening + line * (SIZE // len(line) + 1))[:SIZE]
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    import django

    django.setup()
    from vigil.ingest.extract import extract_all

    for name, text in texts().items():
        extract_all(text)  # compile the patterns first
        started = time.perf_counter()
        for _ in range(args.repeat):
            found = extract_all(text)
        ms = (time.perf_counter() - started) / args.repeat * 1000
        print(f"{name:40} {len(text) // 1024:3d} KB  {len(found):5d} candidates  {ms:8.1f} ms")


if __name__ == "__main__":
    import os
    import tempfile

    # No database is used, but settings want a data directory: a throw-away one.
    with tempfile.TemporaryDirectory() as data_dir:
        os.environ["VIGIL_DATA_DIR"] = data_dir
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vigil.settings")
        main()
