"""The house rules (issue #15, ARCHITECTURE.md): the architecture page names the apps that exist
and every one of them; no file over 400 lines; no function over 50 lines without a comment saying
why; no two classes with the same name in one app. Each checker is also run over a small tree
that breaks its rule, so that each is seen to fail."""

import ast
import re
from collections import defaultdict
from pathlib import Path

import pytest
from django.apps import apps

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "src" / "vigil"
MAX_FILE_LINES = 400
MAX_FUNCTION_LINES = 50
# The comment, on the line right above a long function's `def` (or its decorators), that says
# why it is one piece.
LONG_MARKER = "# Long because"
# Files of reference data, exempt from the length of a file (migrations are exempt too).
REFERENCE_DATA = {
    "law/reference_data.py",  # the instruments, crimes and elements the case matrix holds
}
APP_NAMED = re.compile(r"`vigil/(\w+)/`")


def python_files(root: Path):
    """Every Python file under `root` but migrations, as (path relative to root, text)."""
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root)
        if "migrations" not in relative.parts:
            yield relative.as_posix(), path.read_text(encoding="utf-8")


def architecture_problems(page: str, root: Path, installed: set[str]) -> list[str]:
    named = set(APP_NAMED.findall(page))
    problems = [
        f"ARCHITECTURE.md names vigil/{name}/, which is not an app under src/vigil"
        for name in sorted(named)
        if not (root / name / "apps.py").is_file() or not (root / name / "__init__.py").is_file()
    ]
    problems += [
        f"the app vigil.{name} is installed but ARCHITECTURE.md does not name it (`vigil/{name}/`)"
        for name in sorted(installed - named)
    ]
    return problems


def oversized_files(root: Path, exempt=frozenset()) -> list[str]:
    found = []
    for name, text in python_files(root):
        lines = len(text.splitlines())
        if lines > MAX_FILE_LINES and name not in exempt:
            found.append(f"{name} has {lines} lines (at most {MAX_FILE_LINES}): split it")
    return found


def _says_why(lines: list[str], node) -> bool:
    """Whether the comment block right above the function (and its decorators) gives a reason."""
    first = min([node.lineno] + [d.lineno for d in node.decorator_list])
    above = first - 2  # index of the line above, counted from 0
    while above >= 0 and lines[above].strip().startswith("#"):
        if lines[above].strip().startswith(LONG_MARKER):
            return True
        above -= 1
    return False


def long_functions(root: Path) -> list[str]:
    found = []
    for name, text in python_files(root):
        lines = text.splitlines()
        for node in ast.walk(ast.parse(text)):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            length = node.end_lineno - node.lineno + 1
            if length > MAX_FUNCTION_LINES and not _says_why(lines, node):
                found.append(
                    f"{name}:{node.lineno} {node.name}() has {length} lines (at most "
                    f"{MAX_FUNCTION_LINES}): split it, or say why in a '{LONG_MARKER}' comment"
                )
    return found


def repeated_class_names(app: Path) -> list[str]:
    """Top-level classes of one app sharing a name. A class inside another (Meta, Kind, Status)
    is reached through its owner, so it cannot be mistaken; nor can a management command's
    `Command`, the name Django looks it up by."""
    modules = defaultdict(list)
    for name, text in python_files(app):
        if "management/commands/" in name:
            continue
        for node in ast.parse(text).body:
            if isinstance(node, ast.ClassDef):
                modules[node.name].append(name)
    return [
        f"{app.name}: class {cls} is defined in {', '.join(where)}"
        for cls, where in sorted(modules.items())
        if len(where) > 1
    ]


def vigil_apps() -> set[str]:
    return {
        config.name.removeprefix("vigil.")
        for config in apps.get_app_configs()
        if config.name.startswith("vigil.")
    }


# Vigil as it is.


def test_architecture_names_every_vigil_app_and_only_apps_that_exist():
    page = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")

    assert len(vigil_apps()) >= 10
    assert architecture_problems(page, SOURCE, vigil_apps()) == []


def test_the_readme_points_to_the_architecture_page():
    assert "ARCHITECTURE.md" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_no_file_is_over_400_lines():
    assert oversized_files(SOURCE, exempt=REFERENCE_DATA) == []


def test_every_file_exempt_as_reference_data_exists():
    assert [name for name in REFERENCE_DATA if not (SOURCE / name).is_file()] == []


def test_no_function_is_over_50_lines_without_saying_why():
    assert long_functions(SOURCE) == []


@pytest.mark.parametrize("app", sorted(vigil_apps()))
def test_no_two_classes_in_an_app_share_a_name(app):
    assert repeated_class_names(SOURCE / app) == []


# Each rule, broken.


def _app(root: Path, name: str) -> Path:
    folder = root / name
    folder.mkdir(parents=True)
    (folder / "__init__.py").write_text("")
    (folder / "apps.py").write_text("")
    return folder


def test_an_app_named_but_missing_and_an_app_not_named_are_both_reported(tmp_path):
    _app(tmp_path, "evidence")
    _app(tmp_path, "law")
    (tmp_path / "formats").mkdir()  # a package of helpers, not an app
    (tmp_path / "formats" / "__init__.py").write_text("")
    page = "| 3 | `vigil/evidence/` | sources |\n| 4 | `vigil/evidense/` | typo |\n`vigil/formats/`"

    problems = architecture_problems(page, tmp_path, installed={"evidence", "law"})

    assert problems == [
        "ARCHITECTURE.md names vigil/evidense/, which is not an app under src/vigil",
        "ARCHITECTURE.md names vigil/formats/, which is not an app under src/vigil",
        "the app vigil.law is installed but ARCHITECTURE.md does not name it (`vigil/law/`)",
    ]


def test_a_file_over_400_lines_is_named_unless_it_is_a_migration_or_exempt(tmp_path):
    app = _app(tmp_path, "law")
    (app / "matrix.py").write_text("x = 1\n" * 401)
    (app / "short.py").write_text("x = 1\n" * 400)
    (app / "reference_data.py").write_text("x = 1\n" * 600)
    (app / "migrations").mkdir()
    (app / "migrations" / "0001_initial.py").write_text("x = 1\n" * 900)

    found = oversized_files(tmp_path, exempt={"law/reference_data.py"})

    assert found == ["law/matrix.py has 401 lines (at most 400): split it"]


def _function(name: str, body_lines: int, above: str = "") -> str:
    body = "".join(f"    x{n} = {n}\n" for n in range(body_lines))
    return f"{above}def {name}():\n{body}\n\n"


def test_a_function_over_50_lines_is_named_with_its_file_and_line(tmp_path):
    app = _app(tmp_path, "ingest")
    (app / "pipeline.py").write_text(
        _function("short", 49)  # 50 lines with its def
        + _function("ingest_document", 50)  # 51
        + "class Job:\n"
        + _function("run", 50).replace("\n    ", "\n        ").replace("def", "    def")
    )

    found = long_functions(tmp_path)

    assert found == [
        "ingest/pipeline.py:53 ingest_document() has 51 lines (at most 50): split it, or say why "
        "in a '# Long because' comment",
        "ingest/pipeline.py:107 run() has 51 lines (at most 50): split it, or say why in a "
        "'# Long because' comment",
    ]


def test_a_long_function_passes_with_a_reason_above_it_or_its_decorators_only(tmp_path):
    app = _app(tmp_path, "demo")
    (app / "loader.py").write_text(
        _function("load", 60, "# Long because each step reads the one before.\n")
        + _function("load_again", 60, "# Long because it is one sequence,\n# in order.\n@cache\n")
        + _function("explained_elsewhere", 60, "# It is long.\n")
        + _function("reason_too_far", 60, "# Long because of reasons.\n\n")
    )

    found = long_functions(tmp_path)

    assert [problem.split(" has ")[0].split(" ")[1] for problem in found] == [
        "explained_elsewhere()",
        "reason_too_far()",
    ]


def test_two_top_level_classes_of_one_name_in_an_app_are_reported_with_their_files(tmp_path):
    app = _app(tmp_path, "campaigns")
    (app / "models.py").write_text("class Event:\n    class Meta:\n        pass\n")
    (app / "views").mkdir()
    (app / "views" / "events.py").write_text("class Event:\n    pass\n")
    (app / "forms.py").write_text("class ChapterForm:\n    class Meta:\n        pass\n")
    commands = app / "management" / "commands"
    commands.mkdir(parents=True)
    (commands / "import_members.py").write_text("class Command:\n    pass\n")
    (commands / "import_contacts.py").write_text("class Command:\n    pass\n")

    found = repeated_class_names(app)

    assert found == ["campaigns: class Event is defined in models.py, views/events.py"]
