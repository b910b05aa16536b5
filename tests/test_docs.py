"""The README must document every setting Vigil reads from the environment."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_environment_variable_is_in_the_readme():
    readme = (ROOT / "README.md").read_text()
    code = "\n".join(p.read_text() for p in (ROOT / "src").rglob("*.py"))
    code += (ROOT / "scripts" / "test.sh").read_text() + (ROOT / "Makefile").read_text()
    names = set(re.findall(r"\b(VIGIL_[A-Z_]*[A-Z]|DATABASE_URL)\b", code))
    assert len(names) > 5
    missing = sorted(name for name in names if f"`{name}`" not in readme)
    assert missing == []


def test_the_readme_gives_the_two_commands_first():
    readme = (ROOT / "README.md").read_text()
    first_code = readme.index("```")
    assert "make demo" in readme[first_code : first_code + 200]
    assert "make test" in readme[first_code : first_code + 200]
    assert "make test" in (ROOT / ".ci" / "run").read_text()
