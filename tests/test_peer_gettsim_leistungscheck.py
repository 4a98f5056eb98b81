"""Peer test: the whole Leistungscheck from gross pay against GETTSIM 1.3.1's whole system (issue 17, items 2–5).

The households (tests/peer/leistungscheck_households.yaml) hold only gross pay, tax class and family; both sides
derive net pay, taxes and contributions themselves. GETTSIM's results (tests/peer/gettsim_leistungscheck.yaml)
were computed by benchmarks/gettsim_peer_households.py in the GETTSIM venv and are checked in, so this test needs
no GETTSIM. Compared within ±1 €:

- Kindergeld;
- KiZ and Wohngeld as computed (GETTSIM's ``anspruchshöhe``, before its priority checks);
- what is paid after the priority checks: a KiZ or Wohngeld "zu prüfen" is not paid (GETTSIM: 0 €);
- Bürgergeld: our comparison amount plus the Kindersofortzuschlag (GETTSIM's ``bürgergeld.betrag_m_bg`` includes
  the § 72 SGB II supplement; we show it apart).

The three "kiz_rejected" households are those of the issue: income short of the need, KiZ rejected, and Wohngeld
was granted anyway (477–828 €) because the unpaid KiZ counted in its plausibility test. ``couple_joint_zve``: one
earner with a zvE above the Grundfreibetrag but below twice of it, so the § 16 WoGG tax deduction depends on the
joint test.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from workbench.case import load_case
from workbench.evaluation.leistungscheck import Leistungscheck, leistungscheck

PEER = Path(__file__).resolve().parent / "peer"
HOUSEHOLDS: dict[str, Any] = yaml.safe_load((PEER / "leistungscheck_households.yaml").read_text(encoding="utf-8"))
GETTSIM: dict[str, Any] = yaml.safe_load((PEER / "gettsim_leistungscheck.yaml").read_text(encoding="utf-8"))
TOLERANCE = Decimal(1)

KNOWN_DEVIATIONS = {
    "kiz_erweiterter_zugang_1200_rent_600": (
        "§ 6a Abs. 1a BKGG (erweiterter Zugang): at most 100 € short and earnings allowances of at least 100 €, the "
        "family may take KiZ instead of Bürgergeld; GETTSIM does not model it and pays Bürgergeld. Compared: the "
        "computed amounts and the Bürgergeld; the paid KiZ and Wohngeld differ by design."),
}


def case_of(h: dict[str, Any]) -> Any:
    on: date = h["date"]
    parents = [{"id": f"P{i}", "current_income": {"kind": "employee" if p["gross"] else "none",
                                                  "gross_monthly": p["gross"], "tax_class": p["tax_class"]}}
               for i, p in enumerate(h["parents"])]
    # GETTSIM's children were born in December, so their age is the same on 1 July
    children = [{"id": f"K{j}", "birth_date": f"{on.year - age - 1}-12-01",
                 "situation": {"education": "school" if age >= 6 else "kita"}} for j, age in enumerate(h["children"])]
    return load_case({"format": "workbench-case/2", "case_id": "PEER", "household": {
        "municipality": "Bochum", "married": h["married"],
        "housing": {"rent_cold": h["rent_cold"], "heating": h["heating"], "living_space_sqm": h["living_space"]},
        "parents": parents, "children": children, "benefits": {"year": on.year}}})


def _paid(check: Leistungscheck, benefit: str) -> Decimal:
    result = check.results[benefit]
    return result.monthly if result.eligible else Decimal(0)


def test_every_household_has_gettsims_result() -> None:
    assert set(HOUSEHOLDS) == set(GETTSIM)
    assert sum(1 for name in HOUSEHOLDS if name.startswith("kiz_rejected")) == 3


@pytest.mark.parametrize("name", sorted(HOUSEHOLDS))
def test_leistungscheck_from_gross_pay_agrees_with_gettsim(name: str) -> None:
    h, theirs = HOUSEHOLDS[name], GETTSIM[name]
    check = leistungscheck(case_of(h), h["date"])

    def close(ours: Decimal, other: float) -> bool:
        return abs(ours - Decimal(str(other))) <= TOLERANCE

    assert close(check.results["kindergeld"].monthly, theirs["kindergeld"])
    assert close(check.results["kinderzuschlag"].monthly, theirs["kinderzuschlag_anspruch"])
    assert close(check.results["wohngeld"].monthly, theirs["wohngeld_anspruch"])
    b = check.buergergeld
    assert b is not None and close(b.amount + b.sofortzuschlag, theirs["buergergeld"])
    if name in KNOWN_DEVIATIONS:
        assert check.results["kinderzuschlag"].reasons[0].key == "kinderzuschlag.grund.erweiterter_zugang"
        assert theirs["kinderzuschlag"] == 0
        return
    assert close(_paid(check, "kinderzuschlag"), theirs["kinderzuschlag"])
    assert close(_paid(check, "wohngeld"), theirs["wohngeld"])


@pytest.mark.parametrize("name", [n for n in sorted(HOUSEHOLDS) if n.startswith("kiz_rejected")])
def test_the_issues_households_get_no_wohngeld_on_a_rejected_kiz(name: str) -> None:
    check = leistungscheck(case_of(HOUSEHOLDS[name]), HOUSEHOLDS[name]["date"])
    assert check.results["kinderzuschlag"].eligible is None
    assert check.results["wohngeld"].eligible is None and check.results["wohngeld"].monthly > 0
    assert GETTSIM[name]["wohngeld"] == 0 and GETTSIM[name]["wohngeld_anspruch"] > 0
