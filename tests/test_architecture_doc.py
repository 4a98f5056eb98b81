"""docs/architecture.md names every module of today's layers, and its table is the one the imports give.

The table comes from ``scripts/layers.py`` (the ``layers-today`` contract of pyproject.toml and the
real import graph); a module added at the root of ``workbench/`` without a layer, or a table not
regenerated after a move, fails here with what to do.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "architecture.md"


def _layer_modules() -> set[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contract = next(c for c in config["tool"]["importlinter"]["contracts"] if c["id"] == "layers-today")
    return {name.strip() for layer in contract["layers"] for name in layer.split(":")}


def test_every_module_and_package_of_workbench_is_in_a_layer_of_the_contract() -> None:
    package = ROOT / "workbench"
    present = {f"workbench.{p.stem}" for p in package.glob("*.py") if p.stem != "__init__"}
    present |= {f"workbench.{p.parent.name}" for p in package.glob("*/__init__.py")}
    missing = sorted(present - _layer_modules())
    assert missing == [], f"add these to a layer of `layers-today` in pyproject.toml: {missing}"


def test_the_layer_table_of_the_doc_is_the_one_the_imports_give() -> None:
    table = subprocess.run([sys.executable, str(ROOT / "scripts" / "layers.py")], cwd=ROOT, capture_output=True,
                           text=True, check=True, timeout=120).stdout
    assert table.count("\n") == 8 and "| 6 | `money`, " in table
    assert table in DOC.read_text(encoding="utf-8"), "run `python scripts/layers.py` and paste it over the table"
