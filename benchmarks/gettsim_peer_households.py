"""GETTSIM's whole system on the Leistungscheck peer households; runs in the GETTSIM venv (benchmarks/.venv-gettsim).

Writes ``tests/peer/gettsim_leistungscheck.yaml``: for each household of ``tests/peer/leistungscheck_households.yaml``
GETTSIM's Kindergeld, Kinderzuschlag, Wohngeld and Bürgergeld after its priority checks (Vorrangprüfung), computed
from the gross pay, tax class and family alone (GETTSIM derives taxes, contributions and the net itself).
tests/test_peer_gettsim_leistungscheck.py compares the Leistungscheck with them; the file is checked in, so the
test needs no GETTSIM. Run ``benchmarks/.venv-gettsim/bin/python benchmarks/gettsim_peer_households.py`` after
changing the households.

The input tree is our own mapping: every person gets the base inputs GETTSIM's whole-system policy case
``full_taxes_and_transfers/2025-01-01`` lists (read from the installed package), set to neutral values,
and the household's own figures on top. Assumptions (the same the Leistungscheck makes): statutory health
insurance, no church, a parent's children all in the household, no wealth, no maintenance, Mietstufe III.
"""

from __future__ import annotations

import copy
import json
import sys
from datetime import date
from importlib.metadata import version
from importlib.resources import files
from pathlib import Path
from typing import Any

import numpy as np
import yaml

HERE = Path(__file__).resolve().parent
HOUSEHOLDS = HERE.parent / "tests" / "peer" / "leistungscheck_households.yaml"
OUT = HERE.parent / "tests" / "peer" / "gettsim_leistungscheck.yaml"
TEMPLATE = "tests_germany/policy_cases/full_taxes_and_transfers/2025-01-01/wohnort_ost_irrelevant.yaml"


def _neutral(template: dict[str, Any]) -> dict[str, Any]:
    """The template's inputs of one person with every number zeroed and every flag off."""
    out: dict[str, Any] = {}
    for key, value in template.items():
        if isinstance(value, dict):
            out[key] = _neutral(value)
        else:
            v = value[0]
            out[key] = False if isinstance(v, bool) else (-1 if key.startswith("p_id") else 0 if isinstance(v, int) else 0.0)
    return out


def _set(tree: dict[str, Any], path: str, value: Any) -> None:
    *head, last = path.split(".")
    for key in head:
        tree = tree.setdefault(key, {})
    tree[last] = value


# inputs the whole-system case does not list (it predates them) but GETTSIM asks for: neutral values
EXTRA = {
    "sozialversicherung.arbeitslosen.mean_nettoeinkommen_in_12_monaten_vor_arbeitslosigkeit_m": 0.0,
    "alter_monate": 0, "bürgergeld.bezug_im_vorjahr": False,
    "sozialversicherung.rente.grundrente.gesamteinnahmen_aus_renten_vorjahr_m": 0.0,
    "einkommensteuer.einkünfte.aus_nichtselbstständiger_arbeit.tatsächliche_werbungskosten_y": 0.0,
    "einkommensteuer.einkünfte.sonstige.rente.alter_beginn_leistungsbezug_sonstige_private_vorsorge": 67,
    "sozialversicherung.rente.grundrente.bruttolohn_vorjahr_y": 0.0,
    "sozialversicherung.rente.grundrente.einnahmen_aus_kapitalvermögen_vorvorjahr_y": 0.0,
    "sozialversicherung.rente.grundrente.einnahmen_aus_selbstständiger_arbeit_vorvorjahr_y": 0.0,
    "sozialversicherung.rente.grundrente.einnahmen_aus_vermietung_und_verpachtung_vorvorjahr_y": 0.0,
    "sozialversicherung.kranken.beitrag.beitrag_private_basiskrankenversicherung_abzüglich_arbeitgeberanteil_m": 0.0,
}


def _persons(h: dict[str, Any], on: date, base: dict[str, Any]) -> list[dict[str, Any]]:
    married = bool(h.get("married"))
    parents = h["parents"]
    persons = []
    for i, p in enumerate(parents):
        x = copy.deepcopy(base)
        for path, value in {
            "p_id": i, "hh_id": 0, "alter": 35, "alter_monate": 35 * 12, "geburtsjahr": on.year - 35, "geburtsmonat": 1, "geburtstag": 1,
            "einnahmen.bruttolohn_m": float(p["gross"]), "lohnsteuer.steuerklasse": int(p["tax_class"]),
            "arbeitsstunden_w": float(p.get("hours", 0)),
            "einkommensteuer.gemeinsam_veranlagt": married and len(parents) == 2,
            "familie.p_id_ehepartner": (1 - i) if married and len(parents) == 2 else -1,
            "familie.alleinerziehend": len(parents) == 1,
            "bürgergeld.p_id_einstandspartner": (1 - i) if len(parents) == 2 else -1,
            "sozialversicherung.pflege.beitrag.hat_kinder": True,
            "sozialversicherung.rente.jahr_renteneintritt": 2030, "sozialversicherung.rente.monat_renteneintritt": 1,
            "sozialversicherung.arbeitslosen.monate_sozialversicherungspflichtiger_beschäftigung_in_letzten_5_jahren": 60,
            "elterngeld.claimed": False, "weiblich": i == 0,
        }.items():
            _set(x, path, value)
        persons.append(x)
    for j, age in enumerate(h["children"]):
        x = copy.deepcopy(base)
        pid = len(parents) + j
        for path, value in {
            "p_id": pid, "hh_id": 0, "alter": age, "alter_monate": age * 12 + 6, "geburtsjahr": on.year - age - 1, "geburtsmonat": 12, "geburtstag": 1,
            "familie.kind": True, "familie.p_id_elternteil_1": 0,
            "familie.p_id_elternteil_2": 1 if len(parents) == 2 else -1,
            "kindergeld.p_id_empfänger": 0, "kindergeld.in_ausbildung": age >= 6,
            "sozialversicherung.rente.jahr_renteneintritt": 2030, "sozialversicherung.rente.monat_renteneintritt": 1,
            "elterngeld.claimed": False,
        }.items():
            _set(x, path, value)
        persons.append(x)
    for x in persons:
        for path, value in {"wohnen.bruttokaltmiete_m_hh": float(h["rent_cold"]), "wohnen.heizkosten_m_hh": float(h["heating"]),
                            "wohnen.wohnfläche_hh": float(h["living_space"]), "wohngeld.mietstufe_hh": 3,
                            "wohnen.baujahr_immobilie_hh": 1980}.items():
            _set(x, path, value)
    return persons


def _stack(persons: list[dict[str, Any]]) -> dict[str, Any]:
    first = persons[0]
    out: dict[str, Any] = {}
    for key, value in first.items():
        if isinstance(value, dict):
            out[key] = _stack([p[key] for p in persons])
        else:
            out[key] = np.array([p[key] for p in persons])
    return out


TARGETS = {"kindergeld": {"betrag_m": None}, "kinderzuschlag": {"betrag_m_bg": None, "anspruchshöhe_m_bg": None},
           "wohngeld": {"betrag_m_wthh": None, "anspruchshöhe_m_wthh": None}, "bürgergeld": {"betrag_m_bg": None}}


def run(h: dict[str, Any], on: date, base: dict[str, Any]) -> dict[str, float]:
    from gettsim import InputData, MainTarget, TTTargets, main

    tree = _stack(_persons(h, on, base))
    out = main(main_target=MainTarget.results.tree, policy_date_str=on.isoformat(), input_data=InputData.tree(tree),
               tt_targets=TTTargets.tree(TARGETS))
    return {"kindergeld": round(float(np.sum(out["kindergeld"]["betrag_m"])), 2),
            "kinderzuschlag": round(float(out["kinderzuschlag"]["betrag_m_bg"][0]), 2),
            "wohngeld": round(float(out["wohngeld"]["betrag_m_wthh"][0]), 2),
            "buergergeld": round(float(out["bürgergeld"]["betrag_m_bg"][0]), 2),
            # the amounts before the priority checks (what KiZ and Wohngeld would be on their own)
            "kinderzuschlag_anspruch": round(float(out["kinderzuschlag"]["anspruchshöhe_m_bg"][0]), 2),
            "wohngeld_anspruch": round(float(out["wohngeld"]["anspruchshöhe_m_wthh"][0]), 2)}


def main() -> int:
    template = yaml.safe_load((files("gettsim") / TEMPLATE).read_text(encoding="utf-8"))["inputs"]["provided"]
    base = _neutral(template)
    for path, value in EXTRA.items():
        _set(base, path, value)
    households = yaml.safe_load(HOUSEHOLDS.read_text(encoding="utf-8"))
    results = {}
    for name, h in households.items():
        results[name] = run(h, date.fromisoformat(str(h["date"])), base)
        print(name, json.dumps(results[name]), file=sys.stderr)
    OUT.write_text(f"# written by benchmarks/gettsim_peer_households.py with GETTSIM {version('gettsim')}\n"
                   + yaml.safe_dump(results, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
