"""Seeded generator of varied, valid two-parent Elterngeld cases (format ``workbench-case/1``).

Synthetic data only: names are "A"/"B", every figure is drawn from a seeded random
generator. The plans follow the BEEG planning rules (§§ 4, 4b); the benchmark checks
that the engine finds every generated plan valid before it measures anything.

Three plan shapes, each with random lengths:

* ``classic``: A Basis in months 1..a (a = 8..11), B two Basis months after that, the
  Partnerschaftsbonus in both for 2–4 months, the rest of the contingent as Plus,
  first A, then B.
* ``plus32``: A Plus from month 1 to 16, B Plus from 17 to 28, the bonus in both in
  29–32 — a plan that uses all 32 Lebensmonate.
* ``mixed``: A Basis 1..6 and Plus 7..16, B one simultaneous Basis month (1) and Plus
  17..20, the bonus in both in 21–24.

Both parents are employees; income after the birth (part-time, 24–30 h a week) lies in
their Plus and Bonus months, as the Partnerschaftsbonus requires.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

LEBENSMONATE = 32
FIRST_BIRTH = date(2025, 1, 1)
LAST_BIRTH = date(2026, 12, 31)
# (tax class A, tax class B, married)
TAX_CLASSES: tuple[tuple[int, int, bool], ...] = ((4, 4, True), (3, 5, True), (5, 3, True), (1, 1, False))
SHAPES = ("classic", "plus32", "mixed")


@dataclass(frozen=True)
class Plan:
    """Month strings of both parents and the Lebensmonate in which each works part-time."""

    a: str
    b: str
    work_a: tuple[int, int] | None
    work_b: tuple[int, int] | None


def _pad(months: str) -> str:
    return months.ljust(LEBENSMONATE, "-")


def _span(s: str, kinds: str) -> tuple[int, int] | None:
    idx = [i + 1 for i, k in enumerate(s) if k in kinds]
    return (min(idx), max(idx)) if idx else None


def make_plan(rng: random.Random, shape: str) -> Plan:
    """One plan of the given shape; lengths drawn from ``rng``."""
    if shape == "classic":
        a_basis = rng.randint(8, 11)
        bonus = rng.randint(2, 4)
        plus_total = 2 * (14 - a_basis - 2)  # the rest of the 14 Basis months as Plus months
        plus_a = rng.randint(0, plus_total // 2) * 2 if plus_total else 0
        plus_b = plus_total - plus_a
        a = "B" * a_basis + "--" + "+" * bonus + "P" * plus_a
        b = "-" * a_basis + "BB" + "+" * bonus + "-" * plus_a + "P" * plus_b
    elif shape == "plus32":
        a = "P" * 16
        b = "-" * 16 + "P" * 12 + "+" * 4
        a += "-" * 12 + "+" * 4
    elif shape == "mixed":
        a = "B" * 6 + "P" * 10 + "----" + "++++"
        b = "B" + "-" * 15 + "PPPP" + "++++"
    else:
        raise ValueError(shape)
    a, b = _pad(a), _pad(b)
    work_a = _span(a, "P+")
    work_b = _span(b, "P+")
    if shape == "plus32" and work_a is not None:
        # A works part-time only from a month between 9 and 13 on (none of A's Plus months before).
        work_a = (rng.randint(9, 13), work_a[1])
    return Plan(a, b, work_a, work_b)


def _money(x: float) -> float:
    return round(x, 2)


def _parent(rng: random.Random, pid: str, tax_class: int, work: tuple[int, int] | None, birth: date) -> dict[str, Any]:
    gross = _money(rng.uniform(1000.0, 7000.0))
    income: dict[str, Any] = {"kind": "employee", "gross_monthly": gross, "tax_class": tax_class}
    if rng.random() < 0.25:
        income["church_tax"] = True
    if rng.random() < 0.2:
        income["child_allowances"] = rng.choice((0.5, 1.0))
    after: list[dict[str, Any]] = []
    if work is not None:
        # Part-time pay at most 80 % of the pay before the birth, but within 1,000–2,500 €.
        top = max(1000.0, min(2500.0, 0.8 * gross))
        after.append({"from_month": work[0], "to_month": work[1],
                      "gross_monthly": _money(rng.uniform(1000.0, top)), "hours_per_week": rng.randint(24, 30)})
    born = date(rng.randint(1984, 1998), rng.randint(1, 12), rng.randint(1, 28))
    return {
        "id": pid,
        "birth_date": born.isoformat(),
        "income_before_birth": income,
        # zu versteuerndes Einkommen of the year before: below the 175,000 € couple limit by construction
        "taxable_income_last_year": _money(gross * 12 * rng.uniform(0.75, 0.85)),
        "income_after_birth": after,
    }


def make_case(rng: random.Random, number: int) -> dict[str, Any]:
    """One case; ``number`` makes the case id unique."""
    birth = FIRST_BIRTH + timedelta(days=rng.randint(0, (LAST_BIRTH - FIRST_BIRTH).days))
    ta, tb, married = rng.choice(TAX_CLASSES)
    plan = make_plan(rng, rng.choice(SHAPES))
    return {
        "format": "workbench-case/1",
        "case_id": f"bench-{number:05d}",
        "language": "de",
        "household": {
            "municipality": "Bochum",
            "married": married,
            "single_parent": False,
            "parents": [_parent(rng, "A", ta, plan.work_a, birth), _parent(rng, "B", tb, plan.work_b, birth)],
            "children": [{"id": "K1", "birth_date": birth.isoformat(), "count": 1}],
        },
        "elterngeld_plan": {"child": "K1", "months": {"A": plan.a, "B": plan.b}},
        "notes": "",
    }


def generate_cases(n: int, seed: int = 20260101) -> list[dict[str, Any]]:
    """``n`` cases, the same for the same seed."""
    rng = random.Random(seed)
    return [make_case(rng, i + 1) for i in range(n)]
