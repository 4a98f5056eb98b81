"""Comparison of plans: per month and parent the household income, totals, months at home, gap to the best.

The data comes from the household model (:mod:`.haushalt`, ADR 0028) for every plan: a parent's
household income in a Lebensmonat is that month's Elterngeld, Mutterschaftsleistungen and net pay from work.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from workbench.evaluation.elterngeld.optimize import (
    BewerteterPlan, InfeasiblePlan, comparison_objective, evaluate, optimize, ranking_figure,
)
from workbench.evaluation.elterngeld.optimize_model import Modell, build_model
from workbench.evaluation.elterngeld.variants import ready_variants
from workbench.i18n import format_money, text
from workbench.money import ZERO, as_json_number
from workbench.rules.elterngeld.plan import LEBENSMONATE

if TYPE_CHECKING:
    from workbench.case import Case


@dataclass
class Zeile:
    """One plan in the comparison."""

    name: str
    plan: BewerteterPlan
    per_month: dict[str, list[Decimal]]   # parent → household income of months 1–32
    at_home: dict[str, int]               # parent → months with Elterngeld
    gap: Decimal = ZERO                   # household income less than the best plan's

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "months": self.plan.months, "valid": self.plan.result.valid,
                "total": as_json_number(self.plan.total), "household_income": as_json_number(self.plan.household_income),
                "household_after_tax": as_json_number(self.plan.household_after_tax)
                if self.plan.household_after_tax is not None else None,
                "months_at_home": self.at_home, "difference_to_best": as_json_number(-self.gap),
                "household_income_per_month": {pid: [as_json_number(v) for v in vs] for pid, vs in self.per_month.items()}}


@dataclass
class Vergleich:
    """Plans side by side, the best by the case's objective first (:func:`comparison_objective`)."""

    rows: list[Zeile]
    language: str

    def to_json(self) -> dict[str, Any]:
        return {"plans": [r.to_json() for r in self.rows]}

    def table(self, language: str | None = None) -> str:
        """The comparison as a plain-text table: one line per plan, then household income per month."""
        lang = language or self.language
        if not self.rows:
            return text("vergleich.leer", lang)
        pids = list(self.rows[0].per_month)
        width = max(len(r.name) for r in self.rows) + 2
        head = (f"{text('vergleich.plan', lang):<{width}}" + "".join(f"{pid:<33}" for pid in pids)
                + f"{text('vergleich.elterngeld', lang):>14}{text('vergleich.haushalt', lang):>14}"
                + f"{text('vergleich.monate', lang):>10}{text('vergleich.abstand', lang):>14}")
        lines = [head, "-" * len(head)]
        for r in self.rows:
            lines.append(f"{r.name:<{width}}" + "".join(f"{r.plan.months.get(pid, '') or '-':<33}" for pid in pids)
                         + f"{format_money(r.plan.total, lang):>14}{format_money(r.plan.household_income, lang):>14}"
                         + f"{'/'.join(str(r.at_home[pid]) for pid in pids):>10}{format_money(-r.gap, lang):>14}")
        last = max((max((len(c) for c in r.plan.months.values()), default=0) for r in self.rows), default=0)
        lines += ["", text("vergleich.je_monat", lang, parents=" + ".join(pids))]
        lines.append("LM  " + "".join(f"{i + 1:>14}" for i in range(len(self.rows))))
        for m in range(1, max(last, 1) + 1):
            lines.append(f"{m:>2}  " + "".join(
                f"{format_money(sum((r.per_month[pid][m - 1] for pid in pids), ZERO), lang):>14}" for r in self.rows))
        lines += [""] + [f"{i + 1}: {r.name}" for i, r in enumerate(self.rows)]
        return "\n".join(lines)


def compare_plans(case: "Case", plans: list[tuple[str, dict[str, str]]], model: Modell | None = None) -> Vergleich:
    """Compute every plan with the engine and line them up, the best by the case's objective first.

    Each plan carries the household figure after the estimated income tax (``household_after_tax``)."""
    from workbench.evaluation.steuer.aus_haushalt import mit_steuer

    model = model or build_model(case)
    rows = []
    for name, months in plans:
        plan = mit_steuer(case, evaluate(case, months, model))
        per_month = {p.pid: plan.haushalt.column(p.pid, "total") for p in model.parents}
        at_home = {pid: sum(1 for m in res.months) for pid, res in plan.result.parents.items()}
        rows.append(Zeile(name, plan, per_month, at_home))
    objective = comparison_objective(case)

    def figure(row: Zeile) -> Decimal:
        p = row.plan
        return ranking_figure(objective, p.total, p.household_income, p.household_after_tax)

    rows.sort(key=figure, reverse=True)
    if rows:
        best = figure(rows[0])
        for r in rows:
            r.gap = best - figure(r)
    return Vergleich(rows, case.language)


def standard_plans(case: "Case") -> list[tuple[str, dict[str, str]]]:
    """What ``workbench compare`` shows: the case's own plan, the ready variants and the optimizer's best."""
    lang = case.language
    out: list[tuple[str, dict[str, str]]] = []
    plan = case.elterngeld_plan
    if plan is not None and any(plan.months.values()):
        out.append((text("vergleich.fallplan", lang), dict(plan.months)))
    for v in ready_variants(case):
        if v.plan is not None:
            out.append((v.name(lang), v.months or {}))
    try:
        best = optimize(case, comparison_objective(case), top=1).plans[0]
        out.append((text("vergleich.optimum", lang), best.months))
    except InfeasiblePlan:
        pass
    return out
