"""Extraction speed on its own (no database), on one core.

First, per language, documents per second: 5 KB documents (5,120 characters) cut from that
language's texts of the development set, each detected and extracted as ingestion does it
(`detect_language`, then `extract_all` with the language), and the same rate for 50 KB
documents counted in 5 KB parts, to show the time grows in step with the length. Then
milliseconds per 50 KB for texts that stress one rule (a judgment citing "the Convention" on
every line, long runs of bare articles, resolutions, yearless days, lists of tolls, infobox
bullets).

Usage: .venv/bin/python bench/extract.py [--repeat N] [--documents N]
"""

import argparse
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZE = 50 * 1024
DOCUMENT = 5 * 1024
LANGUAGES = ("en", "az", "ru", "tr", "ur")


def documents(language: str, size: int, count: int) -> list[str]:
    """`count` documents of `size` characters cut from the language's development texts (read
    round again as often as needed), each starting at another place."""
    text = "\n\n".join(
        p.read_text() for p in sorted((ROOT / "tests/ingest/devset/docs").glob(f"{language}-*.txt"))
    )
    text = text * (size * count // len(text) + 2)
    step = max(1, (len(text) - size) // count)
    return [text[i * step : i * step + size] for i in range(count)]


def per_language(count: int) -> None:
    from vigil.evidence.text import detect_language
    from vigil.ingest.extract import extract_all

    print(f"{'language':10}{'5 KB docs/s':>14}{'50 KB, in 5 KB parts/s':>26}{'candidates/doc':>17}")
    for language in LANGUAGES:
        rates = []
        for size in (DOCUMENT, 10 * DOCUMENT):
            batch = documents(language, size, count if size == DOCUMENT else max(1, count // 10))
            # Compile the patterns and load the language detector's models first.
            extract_all(batch[0], language=detect_language(batch[0]))
            found = 0
            started = time.process_time()
            for doc in batch:
                found += len(extract_all(doc, language=detect_language(doc)))
            seconds = time.process_time() - started
            rates.append(len(batch) * size / DOCUMENT / seconds)
            if size == DOCUMENT:
                per_document = found / len(batch)
        print(f"{language:10}{rates[0]:>14.1f}{rates[1]:>26.1f}{per_document:>17.1f}")
    print()


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
    parser.add_argument("--documents", type=int, default=100, help="5 KB documents per language")
    args = parser.parse_args()
    import django

    django.setup()
    from vigil.ingest.extract import extract_all

    per_language(args.documents)

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
