"""No absolute path of any one machine in the repository (issue 19: a self-contained package).

A path like ``<slash>work<slash>shared`` or a home folder works on the machine that wrote it and
nowhere else: an installed package, a clone on another machine or CI in another folder must find
its data through the package (``importlib.resources``, paths relative to the checkout) or through
configured folders (``WORKBENCH_SHARED``, ``WORKBENCH_FORMS_DIR``, ``WORKBENCH_DATA``). The tests
reach ``../shared`` through ``tests/shared.py`` only.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# built from parts so this file does not match itself
MACHINE_PATH = re.compile(r"(?<![\w.~/-])/(?:" + "|".join(("wo" + "rk", "ho" + "me", "Us" + "ers")) + r")/[\w.-]")
SKIPPED_DIRS = {".git", ".venv", "node_modules", "build", "test-artifacts", "__pycache__", ".hypothesis",
                ".ipynb_checkpoints", "data", ".venv-gettsim", "results"}


def tracked_files() -> list[str]:
    """The files git tracks (a checkout without git: every file outside the build and cache folders)."""
    try:
        out = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True, timeout=60).stdout
        return [name for name in out.decode().split("\0") if name]
    except (OSError, subprocess.CalledProcessError):
        return [str(p.relative_to(ROOT)) for p in ROOT.rglob("*")
                if p.is_file() and not SKIPPED_DIRS & set(p.relative_to(ROOT).parts[:-1])
                and not p.parts[-2].endswith(".egg-info")]


def machine_paths(text: str) -> list[str]:
    """The lines of ``text`` that name an absolute path of one machine (``line: text``)."""
    return [f"{number}: {line.strip()}" for number, line in enumerate(text.splitlines(), 1) if MACHINE_PATH.search(line)]


def test_the_check_finds_a_machine_path_and_lets_relative_and_system_paths_pass() -> None:
    home, work = "/" + "home/eva/cases", "/" + "work/shared/forms"
    text = f'BLANKS = "{work}"\nsee ../shared/forms\nFONT_DIR = "/usr/share/fonts"\nurl https://example.org/home/x\n{home}\n'
    assert machine_paths(text) == [f'1: BLANKS = "{work}"', f"5: {home}"]


def test_no_tracked_file_names_an_absolute_path_of_one_machine() -> None:
    found: list[str] = []
    files = tracked_files()
    assert "workbench/maintenance/paths.py" in files and "tests/shared.py" in files
    for name in files:
        try:
            text = (ROOT / name).read_text(encoding="utf-8")
        except (UnicodeDecodeError, FileNotFoundError, IsADirectoryError):
            continue  # binary files (PDF, PNG), files deleted in the work tree
        found += [f"{name}:{hit}" for hit in machine_paths(text)]
    assert found == [], ("use a path relative to the checkout, ../shared through tests/shared.py, or a configured "
                         "folder (WORKBENCH_SHARED, WORKBENCH_FORMS_DIR):\n" + "\n".join(found))
