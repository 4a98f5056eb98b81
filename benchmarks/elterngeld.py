"""Throughput benchmark of the Elterngeld engine, with GETTSIM's Elterngeld as a yardstick.

Run ``make bench`` or ``python benchmarks/elterngeld.py [--cases N] [--check]``.
What is measured and how to read it: benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from cases import generate_cases  # noqa: E402
from timing import cpu_and_wall, pin_to_one_core  # noqa: E402

from workbench.case import Case, load_case  # noqa: E402
from workbench.evaluation.elterngeld.engine import compute_elterngeld  # noqa: E402
from workbench.rules.elterngeld.result import ElterngeldResult  # noqa: E402

TARGET_CASES_PER_SECOND = 1000.0
DEFAULT_RESULT = HERE / "results" / "elterngeld.json"
DEFAULT_GETTSIM_PYTHON = HERE / ".venv-gettsim" / "bin" / "python"
RUNNER = HERE / "gettsim_runner.py"


@dataclass(frozen=True)
class Timing:
    """Seconds per repetition: CPU time of this process, and wall clock."""

    cpu: list[float]
    wall: list[float]

    def per_second(self, n: int) -> tuple[float, float]:
        """Cases per second from the median CPU time and from the median wall-clock time."""
        return n / statistics.median(self.cpu), n / statistics.median(self.wall)

    def to_json(self) -> dict[str, list[float]]:
        return {"cpu_seconds": [round(t, 4) for t in self.cpu], "wall_seconds": [round(t, 4) for t in self.wall]}


def timed(fn: Callable[[], object], repetitions: int) -> Timing:
    """``repetitions`` runs of ``fn`` (after the caller's warm-up), see :func:`timing.cpu_and_wall`."""
    return Timing(*cpu_and_wall(fn, repetitions))


def full_pass(cases: Sequence[dict[str, Any]]) -> list[ElterngeldResult]:
    return [compute_elterngeld(load_case(c)) for c in cases]


def compute_pass(loaded: Sequence[Case]) -> list[ElterngeldResult]:
    return [compute_elterngeld(c) for c in loaded]


def comparable(case: dict[str, Any]) -> bool:
    """Whether GETTSIM's Elterngeld can stand for ours on this case's Basis months.

    GETTSIM's net-income approximation has no church tax, and its Lohnsteuer takes the
    Kinderfreibeträge from the children in the data, not from a given count: cases with
    either are left out. All generated cases are two employees with one newborn and no
    older children, which GETTSIM models; Plus and Bonus months are never compared.
    """
    for p in case["household"]["parents"]:
        inc = p["income_before_birth"]
        if inc.get("church_tax") or inc.get("child_allowances", 0):
            return False
    return True


def run_gettsim(python: Path, subset: Sequence[dict[str, Any]], repetitions: int,
                timeout: float) -> dict[str, Any]:
    """Run the GETTSIM runner in its own venv; ``{"available": False, "reason": ...}`` if it cannot."""
    if not python.exists():
        return {"available": False,
                "reason": f"no GETTSIM venv at {python} (make bench creates it; pip install of gettsim failed or was skipped)"}
    if not subset:
        return {"available": False, "reason": "no case in the comparable subset"}
    payload = json.dumps({"cases": list(subset), "repetitions": repetitions})
    try:
        proc = subprocess.run([str(python), str(RUNNER)], input=payload, capture_output=True, text=True,
                              timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return {"available": False, "reason": f"GETTSIM runner did not finish within {timeout:.0f} s"}
    if proc.returncode != 0:
        tail = "\n".join(proc.stderr.strip().splitlines()[-5:])
        return {"available": False, "reason": f"GETTSIM runner failed (exit {proc.returncode}): {tail}"}
    result: dict[str, Any] = json.loads(proc.stdout)
    result["available"] = True
    return result


def differences(ours: dict[str, ElterngeldResult], theirs: dict[str, dict[str, dict[str, float]]],
                field_ours: Callable[[Any], Decimal], field_theirs: str) -> dict[str, float | int]:
    """Mean, max and mean signed difference (ours − GETTSIM) over all parents of the subset."""
    diffs = [float(field_ours(ours[cid].parents[pid])) - amounts[field_theirs]
             for cid, parents in theirs.items() for pid, amounts in parents.items()]
    if not diffs:
        return {"n_parents": 0}
    return {
        "n_parents": len(diffs),
        "mean_abs": round(statistics.fmean(abs(d) for d in diffs), 2),
        "max_abs": round(max(abs(d) for d in diffs), 2),
        "mean_signed": round(statistics.fmean(diffs), 2),
    }


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--cases", type=int, default=2000, help="number of generated cases (default 2000)")
    ap.add_argument("--seed", type=int, default=20260101)
    ap.add_argument("--repetitions", type=int, default=5, help="timed repetitions of our engine (median)")
    ap.add_argument("--gettsim-repetitions", type=int, default=3, help="timed repetitions of GETTSIM (median)")
    ap.add_argument("--gettsim-python", type=Path, default=DEFAULT_GETTSIM_PYTHON)
    ap.add_argument("--gettsim-timeout", type=float, default=1800.0)
    ap.add_argument("--no-gettsim", action="store_true", help="skip the comparison")
    ap.add_argument("--output", type=Path, default=DEFAULT_RESULT)
    ap.add_argument("--check", action="store_true", help="exit 1 when below the target")
    args = ap.parse_args(argv)

    pinning = pin_to_one_core()
    cases = generate_cases(args.cases, args.seed)

    # Warm-up: one full pass; it also proves that every generated plan is valid.
    warm = full_pass(cases)
    invalid = [c["case_id"] for c, r in zip(cases, warm) if not r.valid]
    if invalid:  # not an assert: it must also hold under python -O
        raise SystemExit(f"generated plans violate the planning rules: {invalid[:5]} ({len(invalid)} cases)")
    loaded = [load_case(c) for c in cases]
    compute_pass(loaded)

    t_full = timed(lambda: full_pass(cases), args.repetitions)
    t_compute = timed(lambda: compute_pass(loaded), args.repetitions)
    full_cps, full_wall_cps = t_full.per_second(len(cases))
    compute_cps, compute_wall_cps = t_compute.per_second(len(cases))
    passed = full_cps >= TARGET_CASES_PER_SECOND

    report: dict[str, Any] = {
        "benchmark": "elterngeld",
        "cases": len(cases),
        "seed": args.seed,
        "repetitions": args.repetitions,
        "machine": {"python": platform.python_version(), "platform": platform.platform(),
                    "cpus": os.cpu_count(), "pinning": pinning},
        "workbench": {
            "full_cases_per_second": round(full_cps, 1),
            "compute_only_cases_per_second": round(compute_cps, 1),
            "full_cases_per_second_wall_clock": round(full_wall_cps, 1),
            "compute_only_cases_per_second_wall_clock": round(compute_wall_cps, 1),
            "full": t_full.to_json(),
            "compute_only": t_compute.to_json(),
        },
        "target_cases_per_second": TARGET_CASES_PER_SECOND,
        "pass": passed,
    }

    print(f"Elterngeld benchmark: {len(cases)} two-parent cases (seed {args.seed}), one core ({pinning}), "
          f"median of {args.repetitions}; cases/s from CPU time (wall clock)")
    print(f"  workbench load_case + compute_elterngeld: {full_cps:9.1f} cases/s  ({full_wall_cps:.1f})")
    print(f"  workbench compute_elterngeld alone:       {compute_cps:9.1f} cases/s  ({compute_wall_cps:.1f})")
    if full_wall_cps < 0.9 * full_cps:
        print("  note: the wall clock is more than 10 % slower than the CPU time: the machine is busy")
    print(f"  target {TARGET_CASES_PER_SECOND:.0f} full cases/s (CPU time, one core): {'PASS' if passed else 'FAIL'}")

    if args.no_gettsim:
        report["gettsim"] = {"available": False, "reason": "skipped (--no-gettsim)"}
    else:
        subset = [c for c in cases if comparable(c)]
        g = run_gettsim(args.gettsim_python, subset, args.gettsim_repetitions, args.gettsim_timeout)
        g["subset_cases"] = len(subset)
        if g["available"]:
            by_id = {c["case_id"]: r for c, r in zip(cases, warm)}
            t_ours_subset = timed(lambda: full_pass(subset), args.repetitions)
            ours_subset_cps, ours_subset_wall_cps = t_ours_subset.per_second(len(subset))
            g["workbench_full_cases_per_second_on_subset"] = round(ours_subset_cps, 1)
            g["workbench_full_cases_per_second_on_subset_wall_clock"] = round(ours_subset_wall_cps, 1)
            g["ratio_workbench_to_gettsim"] = round(ours_subset_cps / g["cases_per_second"], 1)
            if g.get("cases_per_second_prebuilt_environment"):
                g["ratio_workbench_to_gettsim_prebuilt_environment"] = round(
                    ours_subset_cps / g["cases_per_second_prebuilt_environment"], 1)
            g["basis_difference_eur"] = differences(by_id, g["amounts"], lambda p: p.basis_monthly, "basis")
            g["netto_difference_eur"] = differences(by_id, g["amounts"], lambda p: p.netto.elterngeld_netto, "netto")
            del g["amounts"]
            print(f"GETTSIM {g['version']} on the comparable subset ({len(subset)} cases, Basis months only, "
                  f"median of {args.gettsim_repetitions}, input preparation included):")
            print(f"  GETTSIM:                                  {g['cases_per_second']:9.1f} cases/s"
                  f"  ({g['cases_per_second_wall_clock']:.1f}; {g['calls_per_run']} main() calls per run)")
            if g.get("cases_per_second_prebuilt_environment"):
                print(f"  GETTSIM, policy environments prebuilt:    "
                      f"{g['cases_per_second_prebuilt_environment']:9.1f} cases/s"
                      f"  ({g['cases_per_second_prebuilt_environment_wall_clock']:.1f})")
            print(f"  workbench full computation, same subset:  {ours_subset_cps:9.1f} cases/s  ({ours_subset_wall_cps:.1f})")
            print(f"  ratio workbench / GETTSIM:                {g['ratio_workbench_to_gettsim']:9.1f}")
            b, n = g["basis_difference_eur"], g["netto_difference_eur"]
            print(f"  Basis per month, workbench − GETTSIM ({b['n_parents']} parents): mean |Δ| {b['mean_abs']:.2f} €, "
                  f"max |Δ| {b['max_abs']:.2f} €, mean Δ {b['mean_signed']:+.2f} € (information, not a test)")
            print(f"  Elterngeld-Netto, workbench − GETTSIM: mean |Δ| {n['mean_abs']:.2f} €, "
                  f"max |Δ| {n['max_abs']:.2f} €, mean Δ {n['mean_signed']:+.2f} €")
        else:
            print(f"GETTSIM comparison not run: {g['reason']}")
        report["gettsim"] = g

    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"Result written to {args.output}")
    return 1 if (args.check and not passed) else 0


if __name__ == "__main__":
    sys.exit(main())
