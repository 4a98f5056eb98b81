"""GETTSIM side of the Leistungscheck benchmark; runs in the GETTSIM venv (benchmarks/.venv-gettsim).

Reads ``{"household": {...}, "date": "YYYY-MM-DD", "repetitions": k}`` on stdin: one single-parent
household (the parent's gross and net pay, income tax and contributions, the children's ages, rent,
heating, living space, Mietstufe, wealth). Computes Kindergeld, Unterhaltsvorschuss, Kinderzuschlag
and Wohngeld with GETTSIM, times that (input preparation included) and writes JSON to stdout.

The mapping (our own):

* Two ``main()`` calls, as a family office would chain them: first Kindergeld and UVG; then KiZ and
  Wohngeld with the UVG of the first call as the children's income (GETTSIM's own KiZ test cases
  supply the UVG as an input the same way).
* KiZ: the parent's SGB II gross and net income are given (``bürgergeld.bruttoeinkommen_m``,
  ``bürgergeld.nettoeinkommen_vor_abzug_freibetrag_m``), as in GETTSIM's DGB test cases, so that
  its Lohnsteuer and pension modules are not needed (and its pension table's IndexError for late
  retirement years, benefits.md § 14, is avoided).
* Wohngeld: income tax, health and pension contributions as amounts (their being > 0 decides the
  10 % deductions of § 16 WoGG), the Mietstufe given, the minimum-income check taken as met.
"""

from __future__ import annotations

import json
import statistics
import sys
from datetime import date
from typing import Any

import numpy as np
from timing import cpu_and_wall  # benchmarks/ is on sys.path when run as a script


def _tree(h: dict[str, Any], on: date, uvg: list[float] | None) -> dict[str, Any]:
    ages = [h["parent_age"], *h["child_ages"]]
    n = len(ages)
    parent = np.arange(n) == 0
    zeros = np.zeros(n)
    f = lambda parent_value, other=0.0: np.where(parent, parent_value, other)  # noqa: E731
    tree: dict[str, Any] = {
        "p_id": np.arange(n, dtype=np.int64),
        "hh_id": np.zeros(n, dtype=np.int64),
        "alter": np.array(ages, dtype=np.int64),
        "alter_monate": np.array([a * 12 for a in ages], dtype=np.int64),
        "geburtsjahr": np.array([on.year - a for a in ages], dtype=np.int64),
        "geburtsmonat": np.ones(n, dtype=np.int64),
        "geburtstag": np.ones(n, dtype=np.int64),
        "behinderungsgrad": np.zeros(n, dtype=np.int64),
        "anzahl_personen_hh": np.full(n, n, dtype=np.int64),
        "familie": {"alleinerziehend": parent.copy(), "p_id_ehepartner": np.full(n, -1, dtype=np.int64),
                    "p_id_elternteil_1": np.where(parent, -1, 0).astype(np.int64),
                    "p_id_elternteil_2": np.full(n, -1, dtype=np.int64)},
        "kindergeld": {"p_id_empfänger": np.where(parent, -1, 0).astype(np.int64),
                       "in_ausbildung": ~parent},
        "unterhalt": {"tatsächlich_erhaltener_betrag_m": zeros.copy()},
        "vermögen": f(float(h["wealth"])),
        "wohnen": {"bewohnt_eigentum_hh": np.zeros(n, dtype=bool), "baujahr_immobilie_hh": np.full(n, 1980, dtype=np.int64),
                   "bruttokaltmiete_m_hh": np.full(n, float(h["rent_cold"])), "heizkosten_m_hh": np.full(n, float(h["heating"])),
                   "wohnfläche_hh": np.full(n, float(h["living_space"]))},
    }
    if uvg is None:  # call 1: Kindergeld and UVG
        tree["unterhaltsvorschuss"] = {"einkommen_m": f(float(h["gross"]))}
        tree["arbeitsstunden_w"] = f(25.0)
        return tree
    tree["unterhaltsvorschuss"] = {"betrag_m": np.array(uvg)}
    tree["kindergeld"] = {"p_id_empfänger": tree["kindergeld"]["p_id_empfänger"],
                          "ist_leistungsbegründendes_kind": ~parent}
    tree["bürgergeld"] = {"nettoeinkommen_vor_abzug_freibetrag_m": f(float(h["net"])),
                          "bruttoeinkommen_m": f(float(h["gross"])),
                          "p_id_einstandspartner": np.full(n, -1, dtype=np.int64),
                          "bezug_im_vorjahr": np.zeros(n, dtype=bool)}
    tree["einnahmen"] = {"bruttolohn_m": f(float(h["gross"])), "kapitalerträge_y": zeros.copy(),
                         "renten": {k: zeros.copy() for k in ("gesetzliche_m", "sonstige_private_vorsorge_m",
                                                               "geförderte_private_vorsorge_m", "basisrente_m",
                                                               "betriebliche_altersvorsorge_m",
                                                               "aus_berufsständischen_versicherungen_m")}}
    tree["einkommensteuer"] = {
        "betrag_y_sn": f(float(h["income_tax_year"])), "gemeinsam_veranlagt": np.zeros(n, dtype=bool),
        "einkünfte": {"aus_selbstständiger_arbeit": {"betrag_m": zeros.copy()},
                      "aus_vermietung_und_verpachtung": {"betrag_m": zeros.copy()},
                      "sonstige": {"alle_weiteren_m": zeros.copy(),
                                   "rente": {"betrag_m": zeros.copy(),
                                             "alter_beginn_leistungsbezug_sonstige_private_vorsorge": np.full(n, 67, dtype=np.int64)}},
                      "aus_nichtselbstständiger_arbeit": {"tatsächliche_werbungskosten_y": zeros.copy()}}}
    tree["elterngeld"] = {"anrechenbarer_betrag_m": zeros.copy(), "betrag_m": zeros.copy()}
    tree["solidaritätszuschlag"] = {"betrag_y_sn": zeros.copy()}
    tree["sozialversicherung"] = {
        "arbeitslosen": {"betrag_m": zeros.copy()}, "beiträge_versicherter_m": f(float(h["contributions"])),
        "kranken": {"beitrag": {"betrag_versicherter_m": f(float(h["health"])), "privat_versichert": np.zeros(n, dtype=bool)}},
        "pflege": {"beitrag": {"hat_kinder": np.ones(n, dtype=bool)}},
        "rente": {"jahr_renteneintritt": np.full(n, 2030, dtype=np.int64), "bezieht_rente": np.zeros(n, dtype=bool),
                  "grundrente": {"grundrentenzeiten_monate": np.zeros(n, dtype=np.int64)},
                  "beitrag": {"betrag_versicherter_m": f(float(h["pension"]))},
                  "erwerbsminderung": {"betrag_m": zeros.copy()}}}
    tree["wohngeld"] = {"mietstufe_hh": np.full(n, int(h["mietstufe"]), dtype=np.int64),
                        "mindesteinkommen_erreicht_bg": np.ones(n, dtype=bool),
                        "mindesteinkommen_erreicht_wthh": np.ones(n, dtype=bool)}
    return tree


def run(h: dict[str, Any], on: date) -> dict[str, float]:
    """The four benefits of the household in GETTSIM (two chained main() calls)."""
    from gettsim import InputData, MainTarget, TTTargets, main

    def call(tree: dict[str, Any], targets: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = main(main_target=MainTarget.results.tree, policy_date_str=on.isoformat(),
                                   input_data=InputData.tree(tree), tt_targets=TTTargets.tree(targets))
        return out

    first = call(_tree(h, on, None), {"kindergeld": {"betrag_m": None}, "unterhaltsvorschuss": {"betrag_m": None}})
    uvg = [float(x) for x in first["unterhaltsvorschuss"]["betrag_m"]]
    second = call(_tree(h, on, uvg), {"kinderzuschlag": {"anspruchshöhe_m_bg": None},
                                      "wohngeld": {"anspruchshöhe_m_wthh": None}})
    return {"kindergeld": float(np.sum(first["kindergeld"]["betrag_m"])), "unterhaltsvorschuss": sum(uvg),
            "kinderzuschlag": float(second["kinderzuschlag"]["anspruchshöhe_m_bg"][0]),
            "wohngeld": float(second["wohngeld"]["anspruchshöhe_m_wthh"][0])}


def main() -> int:
    request = json.load(sys.stdin)
    h, on, repetitions = request["household"], date.fromisoformat(request["date"]), int(request.get("repetitions", 5))
    from importlib.metadata import version

    amounts = run(h, on)  # warm-up, and the amounts compared
    cpu, wall = cpu_and_wall(lambda: run(h, on), repetitions)
    json.dump({"version": version("gettsim"), "amounts": amounts, "repetitions": repetitions,
               "wall_seconds": [round(s, 4) for s in wall], "cpu_seconds": [round(s, 4) for s in cpu],
               "median_wall_seconds": round(statistics.median(wall), 4)}, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
