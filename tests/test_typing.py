"""The package type-checks under mypy --strict (pyproject.toml [tool.mypy])."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_package_type_checks_strictly() -> None:
    out = subprocess.run([sys.executable, "-m", "mypy", "workbench"], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stdout + out.stderr
