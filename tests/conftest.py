"""Every test keeps its cases in a temporary data folder, never in the advisor's store."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def temporary_workbench_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = tmp_path / "workbench-data"
    monkeypatch.setenv("WORKBENCH_DATA", str(data))
    return data
