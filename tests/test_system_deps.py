"""scripts/system-deps.sh finds the libraries that are installed, every time."""

import os
import shutil
import stat
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

FONTS = (
    "echo '/usr/share/fonts/DejaVuSans.ttf: DejaVu Sans'\n"
    "echo '/usr/share/fonts/NotoNastaliqUrdu-Regular.ttf: Noto Nastaliq Urdu:style=Regular'\n"
)
PANGO_LINE = "\tlibpango-1.0.so.0 (libc6,x86-64) => /usr/lib/x86_64-linux-gnu/libpango-1.0.so.0"


def write_program(folder: Path, name: str, body: str) -> None:
    path = folder / name
    path.write_text("#!/bin/sh\n" + body)
    path.chmod(path.stat().st_mode | stat.S_IXUSR)


def run_system_deps(programs: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PATH": f"{programs}:{os.environ['PATH']}"}
    return subprocess.run(
        [shutil.which("bash"), str(ROOT / "scripts" / "system-deps.sh")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_library_listed_before_a_long_cache_is_found_installed(tmp_path):
    # A real ldconfig cache lists hundreds of libraries: Pango near its top and far more after
    # it than a pipe holds, so a reader that stops at the first match makes ldconfig die of
    # SIGPIPE. These programs stand in for the machine's own so that case happens every run.
    write_program(
        tmp_path,
        "ldconfig",
        f"echo '{PANGO_LINE}'\n"
        "i=0\n"
        'while [ $i -lt 40000 ]; do echo "\tlibother$i.so.1 => /usr/lib/libother$i.so.1"; '
        "i=$((i+1)); done\n",
    )
    write_program(tmp_path, "fc-list", FONTS)
    write_program(tmp_path, "apt-get", f'echo "$@" >> "{tmp_path}/apt-get.log"\n')

    result = run_system_deps(tmp_path)

    assert result.returncode == 0
    assert result.stdout == ""
    assert not (tmp_path / "apt-get.log").exists()


def test_a_missing_library_is_still_reported(tmp_path):
    write_program(tmp_path, "ldconfig", "echo '\tlibc.so.6 => /lib/libc.so.6'\n")
    write_program(tmp_path, "fc-list", FONTS)
    write_program(tmp_path, "apt-get", f'echo "$@" >> "{tmp_path}/apt-get.log"\n')
    write_program(tmp_path, "id", "echo 1000\n")  # as a user who may not install packages

    result = run_system_deps(tmp_path)

    assert "libpango-1.0-0" in result.stdout
    assert "fonts-dejavu-core" not in result.stdout
    assert "fonts-noto-core" not in result.stdout


def test_a_missing_urdu_font_is_reported(tmp_path):
    write_program(tmp_path, "ldconfig", f"echo '{PANGO_LINE}'\n")
    write_program(tmp_path, "fc-list", "echo '/usr/share/fonts/DejaVuSans.ttf: DejaVu Sans'\n")
    write_program(tmp_path, "id", "echo 1000\n")

    result = run_system_deps(tmp_path)

    assert "fonts-noto-core" in result.stdout
