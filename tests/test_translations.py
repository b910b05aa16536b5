"""The translation catalogues (src/vigil/locale): one per offered language, and, for the languages
in CHECKED_LANGUAGES, every entry translated, none fuzzy, each with the English placeholders."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

from vigil.languages import placeholder_mismatch

LOCALE = Path(settings.BASE_DIR) / "locale"
# The catalogues held to be complete. Their translators fill them in; once a language's is done
# it joins this list, and from then on any string left untranslated fails the suite.
CHECKED_LANGUAGES: list[str] = ["ur", "az", "ru", "tr"]


def catalogue_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / "django.po"


def catalogue_problems(catalogue: polib.POFile) -> list[str]:
    """Every entry that is not ready to be shown: untranslated, fuzzy, or with placeholders that
    differ from its English (each plural form against the English plural)."""
    problems = []
    for entry in catalogue:
        if entry.obsolete:
            continue
        where = f"{entry.msgid[:60]!r}"
        if "fuzzy" in entry.flags:
            problems.append(f"{where}: fuzzy")
        if entry.msgid_plural:
            forms = entry.msgstr_plural
            if not forms or not all(forms.values()):
                problems.append(f"{where}: a plural form is untranslated")
                continue
            for index, text in sorted(forms.items()):
                mismatch = placeholder_mismatch(entry.msgid_plural, text)
                # A language whose first form means exactly one may say "one" in words, as the
                # English singular does.
                if mismatch and placeholder_mismatch(entry.msgid, text):
                    problems.append(f"{where}: plural form {index}: {mismatch}")
        elif not entry.msgstr:
            problems.append(f"{where}: untranslated")
        elif mismatch := placeholder_mismatch(entry.msgid, entry.msgstr):
            problems.append(f"{where}: {mismatch}")
    return problems


@pytest.mark.parametrize("language", [code for code, _ in settings.LANGUAGES if code != "en"])
def test_every_offered_language_has_its_catalogue(language):
    catalogue = polib.pofile(str(catalogue_path(language)))

    assert catalogue.metadata["Language"] == language
    assert "nplurals=" in catalogue.metadata["Plural-Forms"]
    assert len(catalogue) > 500  # made by makemessages from the whole source


@pytest.mark.parametrize("language", CHECKED_LANGUAGES)
def test_the_catalogue_is_complete_and_keeps_every_placeholder(language):
    problems = catalogue_problems(polib.pofile(str(catalogue_path(language))))

    assert problems == [], f"{len(problems)} entries in {language}:\n" + "\n".join(problems[:40])


def test_the_check_names_untranslated_fuzzy_and_broken_entries(tmp_path):
    path = tmp_path / "django.po"
    path.write_text(
        'msgid ""\nmsgstr ""\n"Language: ru\\n"\n\n'
        'msgid "Sources"\nmsgstr "Источники"\n\n'
        'msgid "Claims"\nmsgstr ""\n\n'
        '#, fuzzy\nmsgid "Figures"\nmsgstr "Цифры"\n\n'
        'msgid "%(count)s claims by %(name)s"\nmsgstr "%(count)s утверждений, автор %(nmae)s"\n\n'
        'msgid "One source"\nmsgid_plural "%(count)s sources"\n'
        'msgstr[0] "%(count)s источник"\nmsgstr[1] "%(count)s источника"\nmsgstr[2] ""\n\n'
        'msgid "One act"\nmsgid_plural "%(count)s acts"\n'
        'msgstr[0] "Один акт"\nmsgstr[1] "%(count)s акта"\nmsgstr[2] "%(cuont)s актов"\n',
        encoding="utf-8",
    )

    problems = catalogue_problems(polib.pofile(str(path)))

    assert problems == [
        "'Claims': untranslated",
        "'Figures': fuzzy",
        "'%(count)s claims by %(name)s': missing %(name)s; unexpected %(nmae)s",
        "'One source': a plural form is untranslated",
        "'One act': plural form 2: missing %(count)s; unexpected %(cuont)s",
    ]


def test_the_glossary_gives_every_legal_and_campaign_term_in_all_five_languages():
    lines = (LOCALE / "glossary.tsv").read_text(encoding="utf-8").splitlines()
    header, *rows = (line.split("\t") for line in lines)
    languages = [code for code, _ in settings.LANGUAGES]
    terms = {row[0]: dict(zip(header, row, strict=True)) for row in rows}

    assert header[: len(languages)] == languages
    for term in ("genocide", "crime against humanity", "war crime", "element (of a crime)"):
        assert term in terms
    for term in ("claim", "source", "recognition act", "chapter", "RSVP", "verified", "published"):
        assert term in terms
    untranslated = [(t, code) for t, row in terms.items() for code in languages if not row[code]]
    assert untranslated == []


def _entry_keys(catalogue: polib.POFile) -> set[tuple[str, str]]:
    return {(entry.msgctxt or "", entry.msgid) for entry in catalogue if not entry.obsolete}


def test_every_string_marked_in_the_source_is_in_the_catalogues(tmp_path):
    """A string marked for translation but never extracted (makemessages not run) would show in
    English to everyone: extract afresh from a copy of the source and compare."""
    copy = tmp_path / "vigil"
    shutil.copytree(
        Path(settings.BASE_DIR), copy, ignore=shutil.ignore_patterns("static", "__pycache__")
    )
    environment = {**os.environ, "PYTHONPATH": str(tmp_path), "VIGIL_DATA_DIR": str(tmp_path)}
    environment.pop("DATABASE_URL", None)
    subprocess.run(
        [sys.executable, "-m", "vigil", "makemessages", "-l", "az", "--no-obsolete"],
        cwd=copy,
        env=environment,
        check=True,
        capture_output=True,
        timeout=600,
    )
    extracted = _entry_keys(polib.pofile(str(copy / "locale/az/LC_MESSAGES/django.po")))
    for language in CHECKED_LANGUAGES:
        kept = _entry_keys(polib.pofile(str(catalogue_path(language))))
        missing = sorted(extracted - kept)
        assert missing == [], (
            f"{len(missing)} strings of the source are not in the {language} catalogue (run "
            f"`cd src/vigil && vigil makemessages -l {language}`): {missing[:20]}"
        )


def test_the_readme_gives_the_catalogues_true_size():
    readme = (Path(settings.BASE_DIR).parents[1] / "README.md").read_text(encoding="utf-8")
    stated = re.search(r"([\d,]+) of ([\d,]+) entries \(100 %\)", readme)
    assert stated, "README.md no longer says how much of each catalogue is translated"
    for language in CHECKED_LANGUAGES:
        catalogue = polib.pofile(str(catalogue_path(language)))
        entries = len([entry for entry in catalogue if not entry.obsolete])
        assert stated.groups() == (f"{entries:,}", f"{entries:,}"), language
