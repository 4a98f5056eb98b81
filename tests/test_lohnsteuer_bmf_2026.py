"""PAP 2026 against the 18 cases of the BMF-Lohnsteuerrechner 2026 that GETTSIM ships (issue 17, item 6).

GETTSIM 1.3.1 carries, as policy cases, results of the official BMF-Steuerrechner
(``bmf-steuerrechner.de``, Berechnung 2026): Jahreslohn 30,000 € and 60,000 €, Steuerklassen
I–VI, gesetzlich kranken-, renten- und arbeitslosenversichert, Zusatzbeitrag 2.9 %, with and
without the Beitragszuschlag für Kinderlose (PVZ). They are read from the installed package data
(``gettsim/tests_germany/policy_cases/lohnsteuer/2026-01-01``, no import of gettsim; ADR 0009),
so the expected values are the BMF's, not ours. Our PAP 2026 must give the yearly Lohnsteuer and
Solidaritätszuschlag exactly (full euros; GETTSIM's own tolerance of 1.5–2 € is not needed).

The fourth file of that folder (``aktivrente.yaml``) is GETTSIM's own regression test of the
Aktivrente (§ 3 Nr. 21 EStG-E), not a BMF result: out of scope.
"""

from __future__ import annotations

from decimal import Decimal
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path
from typing import Any

import pytest
import yaml

from workbench.rules.steuer.lohnsteuer import LZZ_JAHR, LohnsteuerInput, lohnsteuer

GETTSIM_VERSION = "1.3.1"
BMF_CASE_FILES = ("hat_kinder_30k_jahreseinkommen.yaml", "kinderlos_30k_jahreseinkommen.yaml",
                  "kinderlos_60k_jahreseinkommen.yaml")
OUT_OF_SCOPE = {"aktivrente.yaml": "GETTSIM's own regression test of the Aktivrente, no BMF source"}


def _folder() -> Path:
    try:
        dist = distribution("gettsim")
    except PackageNotFoundError:  # pragma: no cover - make install provides it
        pytest.fail(f"gettsim=={GETTSIM_VERSION} is not installed: run `make install` (pip install --no-deps gettsim)")
    assert dist.version == GETTSIM_VERSION, f"GETTSIM {dist.version} installed, the cases are pinned to {GETTSIM_VERSION}"
    return Path(str(dist.locate_file("gettsim/tests_germany/policy_cases/lohnsteuer/2026-01-01")))


def _cases() -> list[tuple[str, dict[str, Any]]]:
    """One entry per person of the three BMF files: (id, inputs and the BMF's yearly results)."""
    out: list[tuple[str, dict[str, Any]]] = []
    for name in BMF_CASE_FILES:
        data = yaml.safe_load((_folder() / name).read_text(encoding="utf-8"))
        assert "bmf-steuerrechner.de" in data["info"]["source"] and "2026" in data["info"]["source"], name
        given = data["inputs"]["provided"]
        kv = given["sozialversicherung"]["kranken"]["beitrag"]
        for i, stkl in enumerate(given["lohnsteuer"]["steuerklasse"]):
            assert not kv["privat_versichert"][i]
            out.append((f"{name.removesuffix('.yaml')}-stkl{stkl}", {
                "lohn": Decimal(str(given["einnahmen"]["bruttolohn_y"][i])),
                "stkl": int(stkl),
                "kvz": Decimal(str(kv["zusatzbeitragssatz"][i])) * 100,
                "kinderlos": not given["sozialversicherung"]["pflege"]["beitrag"]["hat_kinder"][i],
                "lst": Decimal(str(data["outputs"]["lohnsteuer"]["betrag_y"][i])),
                "soli": Decimal(str(data["outputs"]["lohnsteuer"]["betrag_soli_y"][i])),
            }))
    return out


def test_the_folder_holds_the_three_bmf_files_and_nothing_unlisted() -> None:
    present = {p.name for p in _folder().glob("*.yaml")}
    assert present == set(BMF_CASE_FILES) | set(OUT_OF_SCOPE)


def test_there_are_18_bmf_cases() -> None:
    assert len(_cases()) == 18


@pytest.mark.parametrize(("case_id", "case"), _cases(), ids=[c[0] for c in _cases()])
def test_pap_2026_gives_the_bmf_steuerrechner_2026_result(case_id: str, case: dict[str, Any]) -> None:
    """§ 39b Abs. 2 EStG, PAP 2026: Jahreslohnsteuer (LZZ = 1) and Soli equal the BMF-Steuerrechner to the euro."""
    result = lohnsteuer(LohnsteuerInput(year=2026, lzz=LZZ_JAHR, re4=case["lohn"], stkl=case["stkl"], kvz=case["kvz"],
                                        pvz=case["kinderlos"], rentenversichert=True, arbeitslosenversichert=True))
    assert (result.lstlzz, result.solzlzz) == (case["lst"], case["soli"]), case_id
