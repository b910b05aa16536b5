"""The command-line tools' messages are marked for translation and read right in English."""

import ast
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from vigil.tabular import ImportReport, RowReport

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "arguments",
    [
        ["dossier", "nope", "-o", "out.pdf"],
        ["recognitions", "nope"],
        ["search", "nope", "words"],
        ["ingest", ".", "--case", "nope"],
    ],
)
def test_every_case_command_names_a_missing_case(arguments):
    with pytest.raises(CommandError, match="no case with the short name 'nope'"):
        call_command(*arguments)


def test_an_import_summary_counts_with_singular_and_plural():
    report = ImportReport(
        rows=[RowReport(line=2, label="A", imported=True), RowReport(line=3, label="B")]
    )
    assert report.summary() == "2 rows read, 1 imported, 0 with errors."
    assert ImportReport(rows=[RowReport(line=2, label="A")]).summary() == (
        "1 row read, 0 imported, 0 with errors."
    )


# Errors raised for a programmer, never shown to a person as a message of the product.
PROGRAMMER_ERRORS = {
    "AppendOnlyError",  # the audit log refusing an update from code
    "AssertionError",
    "AttributeError",
    "Http404",  # the 404 page says "not found" in the reader's language, never this text
    "ImproperlyConfigured",
    "KeyError",
    "LookupError",
    "NotImplementedError",
    "RuntimeError",
    "TypeError",
    "ValueError",
}


def unmarked_error_messages(root: Path) -> list[str]:
    """`raise SomeError("…")` or `raise SomeError(f"…")` with text written in place, where the
    error is one a person reads (a command's, a backup's, a form's): such text is never
    translated. Marked text is a call (`_("…")`), so it is not found here."""
    found = []
    for path in sorted(root.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)):
                continue
            called = node.exc.func
            name = getattr(called, "id", None) or getattr(called, "attr", None)
            if name in PROGRAMMER_ERRORS or not node.exc.args:
                continue
            message = node.exc.args[0]
            if isinstance(message, ast.JoinedStr) or (
                isinstance(message, ast.Constant) and isinstance(message.value, str)
            ):
                found.append(f"{path.relative_to(root)}:{node.lineno} {name}")
    return found


def test_every_error_a_person_reads_is_marked_for_translation():
    assert unmarked_error_messages(Path(settings.BASE_DIR)) == []


def test_the_check_finds_an_error_written_in_place(tmp_path):
    (tmp_path / "command.py").write_text(
        "from django.utils.translation import gettext as _\n"
        "def handle(path):\n"
        "    raise CommandError(f'no file at {path}')\n"
        "def other():\n"
        "    raise CommandError(_('no file'))\n"
        "def bug():\n"
        "    raise ValueError('a bug')\n",
        encoding="utf-8",
    )

    assert unmarked_error_messages(tmp_path) == ["command.py:3 CommandError"]


# Commands whose output is a fixed report read by scripts, in English whatever the language.
FIXED_REPORTS = {"eval_extract.py"}  # `vigil eval-extract`: scored by the labelling rules' scripts
_WORD = re.compile(r"[A-Za-z]{2,}")


def _written_in_place(text: ast.expr) -> bool:
    if isinstance(text, ast.Constant) and isinstance(text.value, str):
        return bool(_WORD.search(text.value))
    if isinstance(text, ast.JoinedStr):
        return any(_written_in_place(part) for part in text.values)
    # A line in colour: self.style.SUCCESS("…") holds the text.
    if isinstance(text, ast.Call) and "style." in ast.unparse(text.func) and text.args:
        return _written_in_place(text.args[0])
    return False


def unmarked_command_output(root: Path) -> list[str]:
    """What a command writes (`self.stdout.write("…")`) with words written in place: the same
    rule as for errors, for the lines a command prints."""
    found = []
    for path in sorted(root.rglob("management/commands/*.py")):
        if path.name in FIXED_REPORTS:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "write"
                and node.args
                and _written_in_place(node.args[0])
            ):
                found.append(f"{path.relative_to(root)}:{node.lineno}")
    return found


def test_every_line_a_command_prints_is_marked_for_translation():
    assert unmarked_command_output(Path(settings.BASE_DIR)) == []


def test_the_check_finds_a_line_printed_in_place(tmp_path):
    commands = tmp_path / "app" / "management" / "commands"
    commands.mkdir(parents=True)
    (commands / "greet.py").write_text(
        "def handle(self, name):\n"
        "    self.stdout.write(f'Hello {name}')\n"
        "    self.stdout.write(_('Hello %(name)s') % {'name': name})\n"
        "    self.stdout.write(f'  {name}: {len(name)}')\n"
        "    self.stdout.write(self.style.SUCCESS(f'Done, {name}'))\n",
        encoding="utf-8",
    )

    assert unmarked_command_output(tmp_path) == [
        "app/management/commands/greet.py:2",
        "app/management/commands/greet.py:5",
    ]
