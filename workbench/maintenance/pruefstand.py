"""Prüfstand: run every acceptance example and reference case, pass/fail per rule.

Sources:

- the shared examples (``<shared>/examples/elterngeld/*.json``, expected values from the
  federal Elterngeldrechner; ±0.01 €, Ersatzrate ±0.0005; see their README);
- the reference cases as data (``tests/cases/elterngeld/reference-b3.yaml``).

Every compared figure becomes a :class:`Check` filed under a rule: ``elterngeld.netto``,
``elterngeld.ersatzrate``, ``elterngeld.betrag``, ``elterngeld.geschwisterbonus``,
``elterngeld.mehrlingszuschlag``, ``elterngeld.monatsart`` and ``elterngeld.plan.<rule id>``
for the planning rules. Run with a reform to see at once what a parameter change breaks.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any


from workbench.errors import WorkbenchError
from workbench.maintenance.reformen import Reform
from workbench.maintenance.paths import reference_cases_dir, shared_dir
from workbench.resources import safe_yaml

CENT = Decimal("0.01")
RATE_TOLERANCE = Decimal("0.0005")
B3_BIRTHS = {"2025": date(2025, 6, 15), "2026": date(2026, 6, 15)}


@dataclass(frozen=True)
class Check:
    """One compared figure (or rule verdict) of one case."""

    source: str          # "beispiele" or the reference file's name
    case_id: str
    rule: str
    field: str
    expected: str
    actual: str
    difference: Decimal | None
    passed: bool


@dataclass(frozen=True)
class RuleSummary:
    """How many checks of one rule passed and failed."""

    rule: str
    passed: int
    failed: int


def _num(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _compare(source: str, case_id: str, rule: str, field: str, expected: Any, actual: Any,
             tolerance: Decimal = CENT) -> Check:
    exp, got = _num(expected), _num(actual)
    diff = None if exp is None or got is None else got - exp
    passed = diff is not None and abs(diff) <= tolerance
    return Check(source, case_id, rule, field, str(expected), str(actual), diff, passed)


def _failed_case(source: str, case_id: str, error: Exception) -> Check:
    return Check(source, case_id, "elterngeld.berechnung", "-", "Ergebnis", str(error), None, False)


_RULE_OF = {"netto_before": "elterngeld.netto", "elterngeld_netto": "elterngeld.netto",
            "basis_monthly": "elterngeld.betrag", "plus_monthly": "elterngeld.betrag", "total": "elterngeld.betrag"}


def example_checks(path: Path) -> list[Check]:
    """The checks of one shared example file (as tests/acceptance compares them)."""
    from workbench.case import load_case
    from workbench.evaluation.elterngeld.engine import compute_elterngeld

    example = json.loads(path.read_text(encoding="utf-8"))
    expected, cid, src = example["expected"], path.stem, "beispiele"
    try:
        result = compute_elterngeld(load_case(example["case"])).to_json()
    except WorkbenchError as exc:
        return [_failed_case(src, cid, exc)]
    checks: list[Check] = []
    got_rules = {v["rule"] for v in result["violations"]}
    wanted = {v["rule"] for v in expected["violations"]}
    extra_allowed = "total_contingent" in wanted
    for rule in sorted(got_rules | wanted):
        ok = (rule in got_rules) == (rule in wanted) or (extra_allowed and rule not in wanted)
        checks.append(Check(src, cid, f"elterngeld.plan.{rule}", "violation", str(rule in wanted),
                            str(rule in got_rules), None, ok))
    checks.append(Check(src, cid, "elterngeld.plan", "valid", str(expected["valid"]), str(result["valid"]),
                        None, result["valid"] is expected["valid"]))
    for pid, exp in expected.get("parents", {}).items():
        got = result["parents"].get(pid, {})
        for key, rule in _RULE_OF.items():
            if exp.get(key) is not None:
                checks.append(_compare(src, cid, rule, f"{pid}.{key}", exp[key], got.get(key)))
        if exp.get("ersatzrate") is not None:
            checks.append(_compare(src, cid, "elterngeld.ersatzrate", f"{pid}.ersatzrate", exp["ersatzrate"],
                                   got.get("ersatzrate"), RATE_TOLERANCE))
        got_months = {m["month"]: m for m in got.get("months", [])}
        exp_months = {m["month"]: m for m in exp.get("months", [])}
        for month in sorted(set(got_months) | set(exp_months)):
            g, e = got_months.get(month), exp_months.get(month)
            if g is None or e is None:  # a month on one side only must be 0 on the other
                checks.append(_compare(src, cid, "elterngeld.betrag", f"{pid}.LM{month}.amount",
                                       e["amount"] if e else 0, g["amount"] if g else 0))
                continue
            for key, rule in (("amount", "elterngeld.betrag"), ("geschwisterbonus", "elterngeld.geschwisterbonus"),
                              ("mehrlingszuschlag", "elterngeld.mehrlingszuschlag")):
                checks.append(_compare(src, cid, rule, f"{pid}.LM{month}.{key}", e[key], g[key]))
            checks.append(Check(src, cid, "elterngeld.monatsart", f"{pid}.LM{month}.kind", e["kind"], g["kind"],
                                None, e["kind"] == g["kind"]))
    if expected.get("total") is not None:
        checks.append(_compare(src, cid, "elterngeld.betrag", "total", expected["total"], result["total"]))
    return checks


def reference_case_data(spec: dict[str, Any], birth: date) -> dict[str, Any]:
    """A reference-b3 case spec as a workbench-case/1 file (one parent, optional siblings)."""
    parent: dict[str, Any] = {"id": "A", "income_before_birth": spec["income"]}
    if "after" in spec:
        parent["income_after_birth"] = [spec["after"]]
    children: list[dict[str, Any]] = [{"id": "K1", "birth_date": birth.isoformat(), "count": spec.get("count", 1)}]
    if "sibling_years" in spec:
        children.append({"id": "K0", "birth_date": birth.replace(year=birth.year - spec["sibling_years"]).isoformat()})
    return {"format": "workbench-case/1", "case_id": f"b3-{spec['id']}",
            "household": {"parents": [parent], "children": children},
            "elterngeld_plan": {"child": "K1", "months": {"A": spec.get("plan", "B" * 12)}}}


def reference_checks(path: Path) -> list[Check]:
    """The checks of a reference file like tests/cases/elterngeld/reference-b3.yaml."""
    from workbench.case import load_case
    from workbench.evaluation.elterngeld.engine import compute_elterngeld

    data = safe_yaml(path.read_text(encoding="utf-8"))
    tolerance = Decimal(str(data.get("tolerance", "0.01")))
    checks: list[Check] = []
    for spec in data["cases"]:
        for year, birth in B3_BIRTHS.items():
            if year not in spec:
                continue
            cid = f"{spec['id']}-{year}"
            try:
                result = compute_elterngeld(load_case(reference_case_data(spec, birth))).to_json()["parents"]["A"]
            except WorkbenchError as exc:
                checks.append(_failed_case(path.stem, cid, exc))
                continue
            months = {m["month"]: m["amount"] for m in result["months"]}
            for key, expected in spec[year].items():
                got = months.get(int(key.split("_")[1])) if key.startswith("month_") else result.get(key)
                rule = "elterngeld.ersatzrate" if key == "ersatzrate" else _RULE_OF.get(key, "elterngeld.betrag")
                tol = RATE_TOLERANCE if key == "ersatzrate" else tolerance
                checks.append(_compare(path.stem, cid, rule, f"A.{key}", expected, got, tol))
    return checks


def _sources(examples_dir: Path | None, reference_dir: Path | None) -> Iterator[tuple[str, Path]]:
    if examples_dir is None:
        shared = shared_dir()
        examples_dir = shared / "examples" / "elterngeld" if shared else None
    if examples_dir is not None:
        for path in sorted(examples_dir.glob("*.json")):
            yield "example", path
    if reference_dir is None:
        cases = reference_cases_dir()  # the checkout's tests/cases; an installed package has none
        reference_dir = cases / "elterngeld" if cases is not None else None
    if reference_dir is not None:
        for path in sorted(reference_dir.glob("*.yaml")):
            yield "reference", path


def run_pruefstand(reform: Reform | None = None, examples_dir: Path | None = None,
                   reference_dir: Path | None = None) -> list[Check]:
    """Every check of every example and reference case, with the official values or ``reform``."""
    checks: list[Check] = []
    with reform.applied() if reform is not None else nullcontext():
        for kind, path in _sources(examples_dir, reference_dir):
            checks += example_checks(path) if kind == "example" else reference_checks(path)
    return checks


def summarize(checks: list[Check]) -> list[RuleSummary]:
    """Passed and failed checks per rule, rules in alphabetical order."""
    counts: dict[str, list[int]] = {}
    for check in checks:
        counts.setdefault(check.rule, [0, 0])[0 if check.passed else 1] += 1
    return [RuleSummary(rule, p, f) for rule, (p, f) in sorted(counts.items())]
