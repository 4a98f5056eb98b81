"""Tax around the Elterngeld plan: Steuerklassenwahl (§ 2c Abs. 3 BEEG) and Progressionsvorbehalt (§ 32b EStG).

``steuer_result(case)`` gives both for the case's plan; ``haushalt_nach_steuern`` is the hook for a
ranking by "household after tax" (ADR 0029): the household's money over the plan minus the
years' estimated Nachzahlung (or plus the refund).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from workbench.evaluation.steuer.jahre import Arbeit, PersonJahr, default_arbeit, steuer_jahre
from workbench.evaluation.steuer.steuerklassen import Klassenoption, Steuerklassenwahl, steuerklassenwahl
from workbench.evaluation.steuer.veranlagung import Steuerjahr, mehrsteuer_gesamt, steuerjahre
from workbench.money import ZERO
from workbench.rules.elterngeld.result import ElterngeldResult

if TYPE_CHECKING:
    from workbench.case import Case
    from workbench.evaluation.elterngeld.optimize import BewerteterPlan

__all__ = [
    "Arbeit", "Klassenoption", "PersonJahr", "SteuerResult", "Steuerjahr", "Steuerklassenwahl", "default_arbeit",
    "haushalt_nach_steuern", "mehrsteuer_gesamt", "nach_steuern_gerankt", "steuer_jahre", "steuer_result", "steuerjahre", "steuerklassenwahl",
]


@dataclass(frozen=True)
class SteuerResult:
    """The tax view of one case and plan."""

    language: str
    jahre: list[Steuerjahr]
    wahl: Steuerklassenwahl | None
    geboren: bool = False        # the plan's child is born: a missed deadline is no news for the family

    @property
    def mehrsteuer(self) -> Decimal:
        return mehrsteuer_gesamt(self.jahre)

    @property
    def nachzahlung(self) -> Decimal | None:
        values = [j.nachzahlung for j in self.jahre]
        return None if any(v is None for v in values) else sum((v for v in values if v is not None), ZERO)


def steuer_result(case: "Case", result: ElterngeldResult | None = None, *, arbeit: Arbeit | None = None,
                  today: date | None = None) -> SteuerResult:
    """Progressionsvorbehalt per calendar year and the Steuerklassenwahl for the case's plan.

    ``arbeit`` (gross per parent and calendar month) replaces the default work pattern of
    :func:`workbench.evaluation.steuer.jahre.default_arbeit`, e.g. from the household model.
    Rechtsgrundlage: § 32b EStG, § 2c Abs. 3 BEEG
    """
    from workbench.evaluation.elterngeld.engine import compute_elterngeld

    result = result if result is not None else compute_elterngeld(case)
    return SteuerResult(case.language, steuerjahre(case, result, arbeit),
                        steuerklassenwahl(case, result, today, arbeit), not case.plan_child().expected)


def haushalt_nach_steuern(haushalt: Decimal, case: "Case", result: ElterngeldResult,
                          arbeit: Arbeit | None = None, *, nur_progression: bool = False) -> Decimal:
    """The household's money over the plan after the estimated income-tax assessment.

    ``haushalt`` is the household figure with net pay after the withheld Lohnsteuer; the years'
    Nachzahlung is subtracted (a refund added). With self-employed income, or with
    ``nur_progression``, only the Progressionsvorbehalt is subtracted (the withholding is not modelled).
    """
    jahre = steuerjahre(case, result, arbeit)
    values = [j.nachzahlung for j in jahre]
    if nur_progression or any(v is None for v in values):
        return haushalt - mehrsteuer_gesamt(jahre)
    return haushalt - sum((v for v in values if v is not None), ZERO)


def nach_steuern_gerankt(case: "Case", plans: "list[BewerteterPlan]",
                         arbeit: "Callable[[BewerteterPlan], Arbeit | None] | None" = None
                         ) -> "list[tuple[BewerteterPlan, Decimal]]":
    """Plans with their household figure after tax, best first (the objective "household after tax").

    Meant for the optimizer's finalists (one assessment per calendar year and plan is too slow
    for the exhaustive search). ``arbeit`` gives a plan's work pattern (the household model's), else
    the case's default pattern. Ties keep the given order.
    """
    from workbench.evaluation.elterngeld.optimize import with_plan

    scored = []
    for plan in plans:
        trial = with_plan(case, plan.months)
        scored.append((plan, haushalt_nach_steuern(plan.household_income, trial, plan.result,
                                                   arbeit(plan) if arbeit is not None else None)))
    return sorted(scored, key=lambda pair: pair[1], reverse=True)
