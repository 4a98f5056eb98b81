"""Copies of the parameter files for maintenance tests: the repository's own files are never written."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from workbench.parameters import RULES_DIR

REFORM_400 = """\
# Reformvorschlag (Test): Mindestbetrag 400 € für Geburten ab 2026
basiselterngeld_mindestbetrag_m:
  values:
    - valid_from: 2026-01-01
      value: 400
      reference: "Reformvorschlag (Test), kein geltendes Recht"
"""


def copy_rules(tmp_path: Path) -> Path:
    """A copy of workbench/rules with only the params.yaml files."""
    target = tmp_path / "rules"
    for path in RULES_DIR.glob("*/params.yaml"):
        (target / path.parent.name).mkdir(parents=True)
        shutil.copy2(path, target / path.parent.name / "params.yaml")
    return target


def write_reform(tmp_path: Path, name: str = "mindestbetrag-400", text: str = REFORM_400) -> Path:
    """A reformen folder with one Elterngeld reform draft."""
    folder = tmp_path / "reformen"
    (folder / name).mkdir(parents=True)
    (folder / name / "elterngeld.yaml").write_text(text, encoding="utf-8")
    return folder


def fingerprint() -> dict[str, str]:
    """sha256 of every official params.yaml, to show a test left them alone."""
    return {p.parent.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in RULES_DIR.glob("*/params.yaml")}
