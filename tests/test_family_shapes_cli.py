"""Every new family (issue 16) through the command line: `workbench check`, `elterngeld`, `mutterschutz`,
`elternzeit`, `kita` and `handout`, with the figure each command must print (hand-computed in the
tests/test_family_<name>.py modules)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workbench.cli import main

FAMILIES = Path(__file__).resolve().parent / "cases" / "familien"

ELTERNGELD_TOTAL = {"stiefkind": 7200.0, "adoption": 25200.0, "pflegekind": 3600.0, "lebenspartnerinnen": 21600.0}
"""Pflegekind: the 3,600 € planned for Petra are computed but the plan is invalid (no entitlement)."""
KINDERGELD = {"stiefkind": 518.0, "adoption": 259.0, "pflegekind": 259.0, "lebenspartnerinnen": 259.0}
MUTTERSCHUTZ_END = {"stiefkind": "2026-04-07", "lebenspartnerinnen": "2026-06-09"}
"""The families without a birth in the household have no Mutterschutz: the command says so (exit 2)."""
KITA_CLAIM = {"stiefkind": "10.02.2027", "adoption": "20.09.2026", "pflegekind": "03.11.2026",
              "lebenspartnerinnen": "14.04.2027"}


@pytest.mark.parametrize("name", sorted(ELTERNGELD_TOTAL))
def test_each_family_through_every_command(name: str, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    case = str(FAMILIES / f"{name}.json")
    assert main(["check", case, "--date", "2026-07-01"]) == 0
    assert json.loads(capsys.readouterr().out)["benefits"]["kindergeld"]["monthly"] == KINDERGELD[name]
    assert main(["elterngeld", case]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["total"] == ELTERNGELD_TOTAL[name] and result["valid"] is (name != "pflegekind")
    if name in MUTTERSCHUTZ_END:
        assert main(["mutterschutz", case]) == 0
        assert json.loads(capsys.readouterr().out)["protection"]["end"] == MUTTERSCHUTZ_END[name]
    else:
        assert main(["mutterschutz", case]) == 2
        assert "keinen Teil „mutterschutz“" in capsys.readouterr().err
    assert main(["elternzeit", case, "--today", "2026-01-05"]) == 0
    assert json.loads(capsys.readouterr().out)["periods"]
    assert main(["kita", case]) == 0
    assert KITA_CLAIM[name] in capsys.readouterr().out
    out = tmp_path / f"{name}.pdf"
    assert main(["handout", case, "--output", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
