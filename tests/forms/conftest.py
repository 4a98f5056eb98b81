"""Form tests fill the real official blanks from ../shared/forms (never committed) and read them back."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest

from tests.shared import BLANKS
from workbench.case import Case, load_case

ROOT = Path(__file__).resolve().parents[2]
FAMILY = Path(__file__).with_name("familie_mueller.json")
ARTIFACTS = ROOT / "test-artifacts" / "forms"
TODAY = date(2026, 4, 20)


@pytest.fixture(autouse=True)
def forms_folder(monkeypatch: pytest.MonkeyPatch) -> Path:
    if not BLANKS.is_dir():
        pytest.skip(f"the official blanks are not at {BLANKS}")
    monkeypatch.setenv("WORKBENCH_FORMS_DIR", str(BLANKS))
    return BLANKS


@pytest.fixture
def family() -> Case:
    return load_case(FAMILY)


def save_pngs(pdf: bytes, name: str, resolution: int = 60) -> list[Path]:
    """Render the PDF with pdftoppm into test-artifacts/forms/ (for looking at it)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    target = ARTIFACTS / f"{name}.pdf"
    target.write_bytes(pdf)
    for old in ARTIFACTS.glob(f"{name}-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-r", str(resolution), "-png", str(target), str(ARTIFACTS / name)], check=True)
    return sorted(ARTIFACTS.glob(f"{name}-*.png"))
