"""What a parent earns from work in a Lebensmonat, given the kind of Elterngeld the plan gives the parent.

One rule for the planner, the comparison, the optimizer and the handout (ADR 0028):

- a parent with a work wish (``elterngeld_plan.constraints.work``, :mod:`workbench.case.work`): part-time
  pay in the months of the kinds the wish names (Plus/Bonus, or every month with Elterngeld); in a month
  without Elterngeld full-time pay from ``full_time_from`` on, nothing before it (at home);
- a parent without a wish: the part-time work entered in ``income_after_birth`` where it is entered,
  and full-time pay in every other month without Elterngeld;
- nothing in the Mutterschutz months (Beschäftigungsverbot nach der Entbindung, § 3 Abs. 2 MuSchG).

Full-time pay is the net stated in the wish (``full_time_net``) or the net of the pre-birth income;
a parent without income before the birth has none. Net means gross less the Lohnsteuer, Soli, church
tax of the PAP and the flat contributions the Elterngeld-Netto deducts (§ 2 Abs. 3 BEEG i. V. m.
§§ 2c, 2e, 2f BEEG), before the Arbeitnehmer-Pauschbetrag — a simple, documented estimate of take-home pay.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

from workbench.case.model import IncomeAfterBirth
from workbench.evaluation.elterngeld.engine import mutterschutz_monate, termin
from workbench.explain import Explanation
from workbench.money import ZERO
from workbench.rules.elterngeld.einkommen import erwerb_nach_geburt, erwerb_vor_geburt
from workbench.evaluation.elterngeld.aufnahme import elterngeld_vorher, plan_start
from workbench.rules.elterngeld.netto import Erwerb, elterngeld_netto
from workbench.rules.elterngeld.plan import BASIS, BONUS, LEBENSMONATE, NONE, PLUS

if TYPE_CHECKING:
    from workbench.case import Case, Parent
    from workbench.case.work import WorkWish

Was = Literal["none", "part_time", "full_time", "entered"]
KIND_OF_CODE = {"-": NONE, "B": BASIS, "P": PLUS, "+": BONUS}
FULL_TIME_HOURS = Decimal(40)
"""Stands for "more than 32 hours" in a full-time month (no Elterngeld can be planned there)."""


@dataclass(frozen=True)
class Arbeit:
    """Work in one Lebensmonat: what kind, gross, weekly hours and net pay."""

    what: Was
    gross: Decimal = ZERO
    hours: Decimal = ZERO
    net: Decimal = ZERO


NOTHING = Arbeit("none")


def netto_of(erwerb: Erwerb, gross: Decimal, birth: date) -> Decimal:
    """Net pay of a month's gross, taxed and insured like the work before the birth.

    Rechtsgrundlage: § 2 Abs. 3 BEEG i. V. m. §§ 2c, 2e, 2f BEEG (as the simple net of the household income)
    """
    if gross <= ZERO:
        return ZERO
    netto = elterngeld_netto(erwerb_nach_geburt(erwerb, gross, birth), birth)
    return netto.netto_before if netto.netto_before is not None else netto.elterngeld_netto


def vollzeit_netto(erwerb: Erwerb, birth: date) -> Decimal:
    """Net pay of the income before the birth per month (the full-time pay of a parent who returns)."""
    if erwerb.kind == "none":
        return ZERO
    netto = elterngeld_netto(erwerb, birth)
    return netto.netto_before if netto.netto_before is not None else netto.elterngeld_netto


class Arbeitsplan:
    """One parent's work per Lebensmonat and kind of Elterngeld (see the module docstring)."""

    def __init__(self, case: "Case", parent: "Parent", erwerb: Erwerb, maternity: frozenset[int]) -> None:
        self.birth = plan_start(case)
        self.erwerb = erwerb
        self.maternity = maternity
        plan = case.elterngeld_plan
        constraints = plan.constraints if plan is not None else None
        self.wish: WorkWish | None = constraints.work.get(parent.id) if constraints is not None else None
        self.entered = {m: r for r in parent.income_after_birth for m in r.months()}
        wish = self.wish
        if wish is not None and wish.full_time_net is not None:
            self.full_net = wish.full_time_net
        else:
            self.full_net = vollzeit_netto(erwerb, self.birth)
        self._nets: dict[Decimal, Decimal] = {}

    def net(self, gross: Decimal) -> Decimal:
        """Net pay of a gross (memoised; see :func:`netto_of`)."""
        got = self._nets.get(gross)
        if got is None:
            got = self._nets[gross] = netto_of(self.erwerb, gross, self.birth)
        return got

    def part_time_kinds(self) -> frozenset[str]:
        """The kinds of Elterngeld in which the wish has the parent work part-time."""
        pt = self.wish.part_time if self.wish is not None else None
        if pt is None:
            return frozenset()
        return frozenset({PLUS, BONUS} if pt.during == "plus_bonus" else {BASIS, PLUS, BONUS})

    def in_month(self, month: int, kind: str) -> Arbeit:
        """The parent's work in Lebensmonat ``month`` when the plan gives the parent ``kind``."""
        if month in self.maternity:
            return NOTHING
        wish = self.wish
        if wish is None:
            entered = self.entered.get(month)
            if entered is not None:
                return Arbeit("entered", entered.gross_monthly, entered.hours_per_week, self.net(entered.gross_monthly))
            if kind == NONE and self.full_net > ZERO:
                return Arbeit("full_time", ZERO, FULL_TIME_HOURS, self.full_net)
            return NOTHING
        if kind == NONE:
            back = wish.full_time_from is not None and month >= wish.full_time_from and self.full_net > ZERO
            return Arbeit("full_time", ZERO, FULL_TIME_HOURS, self.full_net) if back else NOTHING
        pt = wish.part_time
        if pt is not None and kind in self.part_time_kinds():
            return Arbeit("part_time", pt.gross_monthly, pt.hours_per_week, self.net(pt.gross_monthly))
        return NOTHING

    def income_after_birth(self, kinds: list[str]) -> list[IncomeAfterBirth] | None:
        """The ``income_after_birth`` ranges the engine computes a plan with (None: keep the case's own).

        For a parent with a wish: the part-time months the plan gives the parent, as ranges."""
        if self.wish is None:
            return None
        ranges: list[IncomeAfterBirth] = []
        for m in range(1, LEBENSMONATE + 1):
            work = self.in_month(m, kinds[m - 1])
            if work.what != "part_time":
                continue
            if ranges and ranges[-1].to_month == m - 1:
                ranges[-1] = ranges[-1].model_copy(update={"to_month": m})
            else:
                ranges.append(IncomeAfterBirth(from_month=m, to_month=m, gross_monthly=work.gross,
                                               hours_per_week=work.hours))
        return ranges


def with_work(case: "Case", months: dict[str, str]) -> "Case":
    """A copy of the case whose wish parents carry the part-time work the plan ``months`` gives them."""
    plan = case.elterngeld_plan
    if plan is None or plan.constraints is None or not plan.constraints.work:
        return case
    child = case.plan_child()
    parents = []
    for parent in case.household.parents:
        if parent.id not in plan.constraints.work:
            parents.append(parent)
            continue
        erwerb = erwerb_vor_geburt(parent, child, Explanation(), termin(case), start=plan_start(case),
                                   skip=elterngeld_vorher(case, parent))
        arbeit = Arbeitsplan(case, parent, erwerb, mutterschutz_monate(case, parent, child))
        kinds = [KIND_OF_CODE[c] for c in months.get(parent.id, "").ljust(LEBENSMONATE, "-")]
        ranges = arbeit.income_after_birth(kinds) or []
        parents.append(parent.model_copy(update={"income_after_birth": ranges}))
    household = case.household.model_copy(update={"parents": parents})
    return case.model_copy(update={"household": household})
