"""GETTSIM side of the Elterngeld benchmark; runs in the GETTSIM venv (benchmarks/.venv-gettsim).

Reads ``{"cases": [workbench-case/1 dicts], "repetitions": k}`` on stdin, maps every
case to GETTSIM's inputs, computes the Basiselterngeld of both parents in a month
without income, times that (input preparation included) and writes JSON to stdout:
version, timings, and per case and parent ``{"basis": €, "netto": €}``.

The mapping (our own; see benchmarks/README.md for what cannot be mapped):

* GETTSIM computes Elterngeld in two steps. Step 1 approximates the Elterngeld-Netto
  (``elterngeld.mean_nettoeinkommen_für_bemessungsgrundlage_nach_geburt_m``: gross
  − 21 % social-insurance flat rate − Lohnsteuer − Soli) from the pre-birth gross and
  tax class, with the tax law of 1 January of the year before the birth (§ 2e Abs. 1
  Satz 2 BEEG; the workbench uses the same Programmablaufplan year). Step 2 turns it into
  ``elterngeld.betrag_m`` for a claiming parent with no income in the month, at the
  birth's policy date.
* One ``main()`` call per policy date, as GETTSIM takes one date per call: step 1 per
  year before the birth, step 2 per Elterngeld regime (the income limit changed on
  2025-04-01), so the cases are grouped by those dates.
* Household: the two parents and the newborn (age 0 months), married couples jointly
  assessed, partners as Einstandspartner; no care-insurance surcharge for the childless
  (the Elterngeldstelle's PAP inputs have none); West Germany; taxable income of the
  year before per Steuernummer (the couple's sum when married).
"""

from __future__ import annotations

import json
import statistics
import sys
from collections import defaultdict
from datetime import date
from typing import Any

import numpy as np
from timing import cpu_and_wall, pin_to_one_core  # benchmarks/ is on sys.path when run as a script

# Elterngeld regimes in the modelled span: GETTSIM's policy date for step 2 is the
# latest of these on or before the birth (only the income limit changes in 2025/26).
ELTERNGELD_CHANGES = (date(2024, 4, 1), date(2025, 1, 1), date(2025, 4, 1), date(2026, 1, 1))
DEFAULT_PARENT_BIRTH = date(1990, 1, 1)

STEP1_TARGETS = {"elterngeld": {"mean_nettoeinkommen_für_bemessungsgrundlage_nach_geburt_m": None}}
STEP2_TARGETS = {"elterngeld": {"betrag_m": None}}


def _age(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def _born(parent: dict[str, Any]) -> date:
    b = parent.get("birth_date")
    return date.fromisoformat(b) if b else DEFAULT_PARENT_BIRTH


def _birth(case: dict[str, Any]) -> date:
    child_id = case["elterngeld_plan"]["child"]
    child = next(c for c in case["household"]["children"] if c["id"] == child_id)
    return date.fromisoformat(child["birth_date"])


def step1_date(birth: date) -> date:
    return date(birth.year - 1, 1, 1)


def step2_date(birth: date) -> date:
    return max(d for d in ELTERNGELD_CHANGES if d <= birth)


def step1_tree(cases: list[dict[str, Any]], on: date) -> dict[str, Any]:
    """Inputs for the net-income approximation: the two parents of each case, before the birth."""
    n = 2 * len(cases)
    p_id = np.arange(n, dtype=np.int64)
    partner = p_id ^ 1  # 0<->1, 2<->3, ...
    married = np.repeat(np.array([bool(c["household"]["married"]) for c in cases]), 2)
    parents = [p for c in cases for p in c["household"]["parents"]]
    return {
        "p_id": p_id,
        "hh_id": p_id // 2,
        "alter": np.array([_age(_born(p), on) for p in parents], dtype=np.int64),
        "arbeitsstunden_w": np.full(n, 40.0),
        "einnahmen": {"bruttolohn_m": np.array([float(p["income_before_birth"]["gross_monthly"]) for p in parents])},
        "lohnsteuer": {"steuerklasse": np.array([int(p["income_before_birth"].get("tax_class", 1)) for p in parents],
                                                dtype=np.int64)},
        "einkommensteuer": {"gemeinsam_veranlagt": married},
        "familie": {"p_id_ehepartner": np.where(married, partner, -1),
                    "p_id_elternteil_1": np.full(n, -1, dtype=np.int64),
                    "p_id_elternteil_2": np.full(n, -1, dtype=np.int64)},
        "bürgergeld": {"p_id_einstandspartner": partner},
        "kindergeld": {"in_ausbildung": np.zeros(n, dtype=bool)},
        "sozialversicherung": {"pflege": {"beitrag": {"hat_kinder": np.ones(n, dtype=bool)}}},
        "wohnort_ost_hh": np.zeros(n, dtype=bool),
    }


def step2_tree(cases: list[dict[str, Any]], netto: list[float], on: date) -> dict[str, Any]:
    """Inputs for the Elterngeld amount: both parents claim, no income in the month, plus the newborn."""
    n = 3 * len(cases)
    p_id = np.arange(n, dtype=np.int64)
    role = p_id % 3  # 0 parent A, 1 parent B, 2 child
    base = p_id - role
    is_parent = role < 2
    married = np.repeat(np.array([bool(c["household"]["married"]) for c in cases]), 3)
    partner = np.where(role == 0, base + 1, np.where(role == 1, base, -1))
    births = [_birth(c) for c in cases]
    born: list[date] = []
    zve: list[float] = []
    mean_netto: list[float] = []
    for i, c in enumerate(cases):
        pa, pb = c["household"]["parents"]
        za = float(pa.get("taxable_income_last_year") or 0.0)
        zb = float(pb.get("taxable_income_last_year") or 0.0)
        both = za + zb
        born += [_born(pa), _born(pb), births[i]]
        zve += [both, both, 0.0] if c["household"]["married"] else [za, zb, 0.0]
        mean_netto += [netto[2 * i], netto[2 * i + 1], 0.0]
    ages = np.array([_age(b, on) if r < 2 else 0 for b, r in zip(born, role)], dtype=np.int64)
    return {
        "p_id": p_id,
        "hh_id": base // 3,
        "alter": ages,
        "alter_monate": np.where(is_parent, ages * 12, 0),
        "geburtsjahr": np.array([b.year for b in born], dtype=np.int64),
        "geburtsmonat": np.array([b.month for b in born], dtype=np.int64),
        "geburtstag": np.array([b.day for b in born], dtype=np.int64),
        "arbeitsstunden_w": np.zeros(n),
        "einnahmen": {"bruttolohn_m": np.zeros(n)},
        "lohnsteuer": {"steuerklasse": np.ones(n, dtype=np.int64)},
        "einkommensteuer": {"gemeinsam_veranlagt": married & is_parent},
        "familie": {"p_id_ehepartner": np.where(married & is_parent, partner, -1),
                    "p_id_elternteil_1": np.where(is_parent, -1, base),
                    "p_id_elternteil_2": np.where(is_parent, -1, base + 1),
                    "alleinerziehend": np.zeros(n, dtype=bool)},
        "bürgergeld": {"p_id_einstandspartner": partner},
        "kindergeld": {"in_ausbildung": np.zeros(n, dtype=bool)},
        "sozialversicherung": {
            "pflege": {"beitrag": {"hat_kinder": is_parent}},
            "kranken": {"beitrag": {
                "privat_versichert": np.zeros(n, dtype=bool),
                "beitrag_private_basiskrankenversicherung_abzüglich_arbeitgeberanteil_m": np.zeros(n)}},
        },
        "wohnort_ost_hh": np.zeros(n, dtype=bool),
        "elterngeld": {
            "claimed": is_parent,
            "bisherige_bezugsmonate": np.zeros(n, dtype=np.int64),
            "mean_nettoeinkommen_in_12_monaten_vor_geburt_m": np.array(mean_netto),
            "zu_versteuerndes_einkommen_vorjahr_y_sn": np.array(zve),
        },
    }


def run(cases: list[dict[str, Any]], envs: dict[date, Any] | None = None) -> tuple[dict[str, Any], int]:
    """Basis amount and Elterngeld-Netto of both parents of every case; and the number of main() calls."""
    from gettsim import InputData, MainTarget, TTTargets, main

    def call(on: date, tree: dict[str, Any], targets: dict[str, Any]) -> dict[str, Any]:
        kwargs: dict[str, Any] = {"policy_environment": envs[on]} if envs is not None else {}
        out: dict[str, Any] = main(main_target=MainTarget.results.tree, policy_date_str=on.isoformat(),
                                   input_data=InputData.tree(tree), tt_targets=TTTargets.tree(targets), **kwargs)
        return out

    calls = 0
    netto: dict[str, list[float]] = {}
    by_year: dict[date, list[dict[str, Any]]] = defaultdict(list)
    for c in cases:
        by_year[step1_date(_birth(c))].append(c)
    for on, group in by_year.items():
        res = call(on, step1_tree(group, on), STEP1_TARGETS)
        calls += 1
        values = res["elterngeld"]["mean_nettoeinkommen_für_bemessungsgrundlage_nach_geburt_m"]
        for i, c in enumerate(group):
            netto[c["case_id"]] = [round(float(values[2 * i]), 2), round(float(values[2 * i + 1]), 2)]

    amounts: dict[str, Any] = {}
    by_regime: dict[date, list[dict[str, Any]]] = defaultdict(list)
    for c in cases:
        by_regime[step2_date(_birth(c))].append(c)
    for on, group in by_regime.items():
        flat_netto = [x for c in group for x in netto[c["case_id"]]]
        res = call(on, step2_tree(group, flat_netto, on), STEP2_TARGETS)
        calls += 1
        betrag = res["elterngeld"]["betrag_m"]
        for i, c in enumerate(group):
            ids = [p["id"] for p in c["household"]["parents"]]
            amounts[c["case_id"]] = {pid: {"basis": round(float(betrag[3 * i + k]), 2), "netto": netto[c["case_id"]][k]}
                                     for k, pid in enumerate(ids)}
    return amounts, calls


def timed_runs(cases: list[dict[str, Any]], repetitions: int,
               envs: dict[date, Any] | None) -> tuple[list[float], list[float]]:
    """CPU seconds (all threads of this process) and wall-clock seconds per run."""
    return cpu_and_wall(lambda: run(cases, envs), repetitions)


def main() -> int:
    request = json.load(sys.stdin)
    cases: list[dict[str, Any]] = request["cases"]
    repetitions = int(request.get("repetitions", 3))
    pin_to_one_core()

    from importlib.metadata import version

    from gettsim import main as gettsim_main

    amounts, calls = run(cases)  # warm-up, and the amounts compared
    cpu, wall = timed_runs(cases, repetitions, None)

    # The same with each policy environment built once beforehand (not timed), the way a
    # user running many batches at one date would call GETTSIM.
    dates = {step1_date(_birth(c)) for c in cases} | {step2_date(_birth(c)) for c in cases}
    envs = {d: gettsim_main(main_target="policy_environment", policy_date_str=d.isoformat()) for d in sorted(dates)}
    run(cases, envs)
    cpu_env, wall_env = timed_runs(cases, repetitions, envs)

    json.dump({
        "version": version("gettsim"),
        "ttsim_backend_version": version("ttsim-backend"),
        "cases": len(cases),
        "calls_per_run": calls,
        "repetitions": repetitions,
        "cpu_seconds": [round(s, 3) for s in cpu],
        "wall_seconds": [round(s, 3) for s in wall],
        "cases_per_second": round(len(cases) / statistics.median(cpu), 1),
        "cases_per_second_wall_clock": round(len(cases) / statistics.median(wall), 1),
        "cpu_seconds_prebuilt_environment": [round(s, 3) for s in cpu_env],
        "wall_seconds_prebuilt_environment": [round(s, 3) for s in wall_env],
        "cases_per_second_prebuilt_environment": round(len(cases) / statistics.median(cpu_env), 1),
        "cases_per_second_prebuilt_environment_wall_clock": round(len(cases) / statistics.median(wall_env), 1),
        "amounts": amounts,
    }, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
