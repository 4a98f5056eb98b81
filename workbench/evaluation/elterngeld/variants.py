"""Ready-made plan variants, computed for the family with the engine: 12+2, 7+7, long Plus,
Partnerschaftsbonus, "Start zu zweit" and single parent 14.

Each variant is built from the family's limits (early birth, single parent, Mutterschutz) and then
computed and checked by the engine; one that breaks a planning rule for this family is left out
with the rule's message as the reason. "The main parent" is the mother with Mutterschaftsleistungen,
otherwise the first parent of the case.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.evaluation.elterngeld.aufnahme import plan_start
from workbench.evaluation.elterngeld.engine import mutterschutz_monate, plan_situation
from workbench.evaluation.elterngeld.optimize import BewerteterPlan, constraint_violations, evaluate
from workbench.evaluation.elterngeld.optimize_model import build_model
from workbench.i18n import text
from workbench.money import ZERO
from workbench.parameters import parameters
from workbench.rules.elterngeld.plan import LEBENSMONATE, limits

if TYPE_CHECKING:
    from workbench.case import Case, Parent

P = parameters("elterngeld")
VARIANTS = ("12_2", "7_7", "lang_plus", "partnerschaftsbonus", "start_zu_zweit", "alleinerziehend_14")


@dataclass
class Variante:
    """A ready-made variant: its plan and the engine's result, or why it does not fit the family."""

    key: str
    months: dict[str, str] | None
    plan: BewerteterPlan | None
    reason: str = ""
    breaks_constraints: bool = False

    def name(self, language: str = "de") -> str:
        return text(f"variante.{self.key}", language)


def _main_and_other(case: "Case") -> tuple["Parent", "Parent | None"]:
    parents = case.household.parents
    main = next((p for p in parents if p.maternity_benefit), parents[0])
    other = next((p for p in parents if p.id != main.id), None)
    return main, other


def _plus_until(units: int, start: int, fixed_basis: frozenset[int]) -> str:
    """Months from ``start`` on: Basis in fixed months, Plus otherwise, until ``units`` half months are used."""
    codes = "-" * (start - 1)
    m = start
    while units > 0 and m <= LEBENSMONATE:
        take = 2 if m in fixed_basis else 1
        if take > units:
            break
        codes += "B" if m in fixed_basis else "P"
        units -= take
        m += 1
    return codes


def _bonus_block(case: "Case", taken: dict[str, str]) -> list[int]:
    """The first 2–4 consecutive free Lebensmonate in which every parent works 24–32 hours (§ 4b Abs. 1)."""
    band = P.value("partnerschaftsbonus_wochenstunden", plan_start(case))
    lim = limits(plan_situation(case))
    run: list[int] = []
    for m in range(1, LEBENSMONATE + 2):
        ok = m <= LEBENSMONATE and all(
            band["mindestens"] <= next((r.hours_per_week for r in p.income_after_birth if m in r.months()), ZERO)
            <= band["hoechstens"] and taken.get(p.id, "").ljust(LEBENSMONATE, "-")[m - 1] == "-"
            for p in case.household.parents)
        if ok and len(run) < lim.bonus_max:
            run.append(m)
        elif len(run) >= lim.bonus_min:
            return run
        else:
            run = [m] if ok else []
    return []


def variant_plans(case: "Case") -> dict[str, dict[str, str] | str]:
    """Each variant's months per parent, or the catalog key of the reason it cannot be built."""
    s = plan_situation(case)
    lim = limits(s)
    main, other = _main_and_other(case)
    mat = mutterschutz_monate(case, main)
    n, total = lim.per_parent, lim.total_basis
    out: dict[str, dict[str, str] | str] = {}
    if other is None:
        for key in ("12_2", "7_7", "start_zu_zweit"):
            out[key] = "variante.grund.zwei_eltern"
        out["lang_plus"] = {main.id: _plus_until(2 * total, 1, mat)}
        base = {main.id: "B" * total}
        if s.single_parent:
            out["alleinerziehend_14"] = base
        else:
            out["alleinerziehend_14"] = "variante.grund.nicht_alleinerziehend"
    else:
        base = {main.id: "B" * n, other.id: "-" * n + "B" * (total - n)}
        out["12_2"] = base
        half = total // 2
        out["7_7"] = {main.id: "B" * half, other.id: "-" * half + "B" * (total - half)}
        mine = _plus_until(2 * n, 1, mat)
        out["lang_plus"] = {main.id: mine, other.id: _plus_until(2 * (total - n), len(mine) + 1, frozenset())}
        out["start_zu_zweit"] = {main.id: "B" * n, other.id: "B" + "P" * max(2 * (total - n) - 2, 1)}
        out["alleinerziehend_14"] = "variante.grund.nur_alleinerziehend"
    block = _bonus_block(case, base)
    if not block:
        out["partnerschaftsbonus"] = "variante.grund.kein_bonus"
    else:
        with_bonus = {}
        for pid, codes in base.items():
            padded = list(codes.ljust(LEBENSMONATE, "-"))
            for m in block:
                padded[m - 1] = "+"
            with_bonus[pid] = "".join(padded).rstrip("-")
        out["partnerschaftsbonus"] = with_bonus
    return out


def ready_variants(case: "Case") -> list[Variante]:
    """The ready-made variants for the family, each with the engine's amounts or the reason it is left out.

    Rechtsgrundlage: § 4 Abs. 3–6 BEEG, § 4a BEEG, § 4b BEEG, § 4c BEEG
    """
    model = build_model(case)
    lang = case.language
    out = []
    for key, plan in variant_plans(case).items():
        if isinstance(plan, str):
            out.append(Variante(key, None, None, text(plan, lang)))
            continue
        evaluated = evaluate(case, plan, model)
        if not evaluated.result.valid:
            reason = "; ".join(v.message(lang) for v in evaluated.result.violations)
            out.append(Variante(key, plan, None, reason))
            continue
        out.append(Variante(key, plan, evaluated, breaks_constraints=bool(constraint_violations(plan, model))))
    return out
