"""The floors of the house (issue #15): the import contracts in pyproject.toml hold for Vigil as it
is, and they fail when an app imports one on a floor above it or two modules import each other."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def lint_imports(source: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(ROOT / "pyproject.toml"), "--no-cache"],
        cwd=ROOT,
        env={"PYTHONPATH": str(source), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_every_app_imports_only_the_floors_below_it_and_no_module_imports_in_a_circle():
    result = lint_imports(ROOT / "src")

    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 2 kept, 0 broken." in result.stdout


@pytest.fixture
def vigil_copy(tmp_path):
    shutil.copytree(
        ROOT / "src" / "vigil",
        tmp_path / "vigil",
        ignore=shutil.ignore_patterns("locale", "static", "templates", "*.pyc"),
    )
    return tmp_path


def test_the_audit_log_importing_a_case_breaks_the_floors(vigil_copy):
    (vigil_copy / "vigil" / "audit" / "case_names.py").write_text(
        "from vigil.cases.models import Case\n", encoding="utf-8"
    )

    result = lint_imports(vigil_copy)

    assert result.returncode != 0
    assert "vigil.audit is not allowed to import vigil.cases" in result.stdout


def test_two_modules_importing_each_other_break_the_no_cycles_rule(vigil_copy):
    folder = vigil_copy / "vigil" / "law"
    (folder / "left.py").write_text("from vigil.law import right\n", encoding="utf-8")
    (folder / "right.py").write_text("from vigil.law import left\n", encoding="utf-8")

    result = lint_imports(vigil_copy)

    assert result.returncode != 0
    assert "No cycles are allowed in vigil.law" in result.stdout
