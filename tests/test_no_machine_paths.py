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


# a path to the shared folder built by hand: ``/ "shared"``, ``"../shared…"``, or the variable read directly
OWN_SHARED_PATH = re.compile(r"""/\s*["']shared["']|["']\.\./shared["'/]|(?:environ(?:\.get)?[(\[]|getenv\()["']WORKBENCH_SHARED""")


def test_the_check_for_own_shared_paths_finds_them() -> None:
    own = ['ROOT.parent / "shared" / "forms"', "Path('../shared/examples')", 'os.environ["WORKBENCH_SHARED"]',
           'os.environ.get("WORKBENCH_SHARED")', 'os.getenv("WORKBENCH_SHARED")']
    fine = ['from tests.shared import BLANKS', 'SHARED / "examples"', 'assert "WORKBENCH_SHARED" in message',
            '"""The shared examples (../shared/examples/README.md)."""', 'SystemExit("../shared not found")']
    assert [bool(OWN_SHARED_PATH.search(line)) for line in own + fine] == [True] * len(own) + [False] * len(fine)


def test_tests_and_benchmarks_reach_the_shared_folder_only_through_the_one_lookup() -> None:
    """``tests/shared.py`` (which wraps :func:`workbench.maintenance.paths.shared_dir`) is the one way to ``../shared``."""
    own = [f"{name}:{number}: {line.strip()}" for name in tracked_files()
           if name.endswith(".py") and name.startswith(("tests/", "benchmarks/", "scripts/"))
           and name not in ("tests/shared.py", "tests/test_no_machine_paths.py") and (ROOT / name).is_file()
           for number, line in enumerate((ROOT / name).read_text(encoding="utf-8").splitlines(), 1)
           if OWN_SHARED_PATH.search(line)]
    assert own == [], "use tests.shared (SHARED, EXAMPLES, BLANKS) or workbench.maintenance.paths.shared_dir:\n" + "\n".join(own)
