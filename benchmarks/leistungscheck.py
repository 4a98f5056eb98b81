"""One household's full Leistungscheck: median time, side by side with GETTSIM computing the same four benefits.

Run ``python benchmarks/leistungscheck.py [--repetitions N] [--gettsim-repetitions K]``. The household
is ``docs/examples/leistungscheck-alleinerziehend.json`` (a single parent with two children in Bochum).
Our side times ``leistungscheck(case)`` (all six benefits with their interactions, the hints and the
explanations; the case loaded once) and, separately, loading the file plus the check. GETTSIM (in
``benchmarks/.venv-gettsim``, see ``make bench``) computes Kindergeld, UVG, Kinderzuschlag and Wohngeld
for the same household (benchmarks/gettsim_leistungen_runner.py); the amounts are compared (±1 €) and
the ratio of the median wall-clock times is printed. Without the GETTSIM venv only our side runs.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from workbench.case import Case, load_case  # noqa: E402
from workbench.evaluation.leistungscheck import leistungscheck  # noqa: E402
from workbench.evaluation import kiz_wohngeld  # noqa: E402
from workbench.rules.leistungen.guenstigerpruefung import einkommensteuer  # noqa: E402

CASE = HERE.parent / "docs" / "examples" / "leistungscheck-alleinerziehend.json"
GETTSIM_PYTHON = HERE / ".venv-gettsim" / "bin" / "python"
RUNNER = HERE / "gettsim_leistungen_runner.py"
RESULT = HERE / "results" / "leistungscheck.json"
FOUR = ("kindergeld", "unterhaltsvorschuss", "kinderzuschlag", "wohngeld")


def gettsim_household(case: Case, on: date) -> dict[str, Any]:
    """The household in the runner's terms (the same figures the workbench uses)."""
    h = case.household
    parent = h.parents[0].current_income
    housing = h.housing
    assert parent is not None and housing is not None
    ages = [on.year - c.birth_date.year - ((on.month, on.day) < (c.birth_date.month, c.birth_date.day))
            for c in h.children]
    # the net and the zvE the workbench uses: typed, or derived from the gross pay (rules/leistungen/nettoeinkommen.py)
    net_pay = kiz_wohngeld.net_pay(case, parent, on)
    gross, net = float(parent.gross_monthly), float(net_pay if net_pay is not None else parent.gross_monthly)
    zve = kiz_wohngeld.zve(case, parent, on)
    # tax and contributions only need to be > 0 for the § 16 WoGG deductions (the workbench: taxable
    # income above the Grundfreibetrag; an employee pays health and pension insurance); amounts illustrative
    return {"parent_age": 36, "child_ages": ages, "gross": gross, "net": net,
            "income_tax_year": float(einkommensteuer(zve, False, on)),
            "contributions": round(0.2 * gross, 2), "health": round(0.0875 * gross, 2), "pension": round(0.093 * gross, 2),
            "wealth": float(h.benefits.wealth if h.benefits else 0), "rent_cold": float(housing.rent_cold + housing.utilities_cold),
            "heating": float(housing.heating), "living_space": float(housing.living_space_sqm), "mietstufe": 3}


def median_seconds(fn: Any, repetitions: int) -> tuple[float, list[float]]:
    times = []
    for _ in range(repetitions):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), times


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repetitions", type=int, default=50)
    parser.add_argument("--gettsim-repetitions", type=int, default=3)
    args = parser.parse_args(argv)

    case = load_case(CASE)
    check = leistungscheck(case)  # warm-up: parameters read, catalog loaded
    on = check.on
    ours, ours_all = median_seconds(lambda: leistungscheck(case), args.repetitions)
    with_load, _ = median_seconds(lambda: leistungscheck(load_case(CASE)), args.repetitions)
    amounts = {name: float(check.results[name].monthly) for name in FOUR}
    print(f"workbench: full Leistungscheck of one household (6 benefits, hints, explanations): "
          f"median {ours * 1000:.2f} ms over {args.repetitions} runs; with loading the file {with_load * 1000:.2f} ms")
    report: dict[str, Any] = {"case": CASE.name, "date": on.isoformat(), "workbench": {
        "median_seconds": round(ours, 6), "median_seconds_with_load": round(with_load, 6),
        "seconds": [round(t, 6) for t in ours_all], "amounts": amounts}}

    if GETTSIM_PYTHON.exists():
        payload = json.dumps({"household": gettsim_household(case, on), "date": on.isoformat(),
                              "repetitions": args.gettsim_repetitions})
        proc = subprocess.run([str(GETTSIM_PYTHON), str(RUNNER)], input=payload, capture_output=True, text=True,
                              timeout=3600)
        if proc.returncode != 0:
            print("GETTSIM failed:\n" + proc.stderr[-2000:], file=sys.stderr)
            return 1
        theirs = json.loads(proc.stdout)
        ratio = theirs["median_wall_seconds"] / ours
        print(f"GETTSIM {theirs['version']}: Kindergeld, UVG, KiZ, Wohngeld (2 chained main() calls): "
              f"median {theirs['median_wall_seconds'] * 1000:.0f} ms over {theirs['repetitions']} runs")
        print(f"ratio GETTSIM / workbench: {ratio:,.0f} × (median wall clock)")
        print(f"{'benefit':22} {'workbench':>10} {'GETTSIM':>10}")
        agree = True
        for name in FOUR:
            mine, other = amounts[name], float(theirs["amounts"][name])
            ok = abs(Decimal(str(mine)) - Decimal(str(round(other, 2)))) <= 1
            agree &= ok
            print(f"{name:22} {mine:10.2f} {other:10.2f}{'' if ok else '  <- differs'}")
        report["gettsim"] = theirs
        report["ratio_wall_clock"] = round(ratio, 1)
        report["amounts_agree_within_1_euro"] = agree
    else:
        print(f"GETTSIM venv not found at {GETTSIM_PYTHON}: only the workbench side ran (make bench creates it)")
    RESULT.parent.mkdir(parents=True, exist_ok=True)
    RESULT.write_text(json.dumps(report, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
