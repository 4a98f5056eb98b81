"""The joint actions of one Lebensmonat for the optimizer's search: the kinds of both parents together.

An action pays what the two months pay (:mod:`optimize_model`), uses contingent and, for a tracked
parent, adds to its income-month counts (:mod:`optimize_zaehler`). Actions that no plan may take
are left out here: a Partnerschaftsbonus month of one parent alone (§ 4b Abs. 1 BEEG), simultaneous
Basis months after the window of § 4 Abs. 6 BEEG, and months below the advisor's minimum household
income.
"""

from __future__ import annotations

from dataclasses import dataclass

from workbench.money import ZERO
from workbench.rules.elterngeld.optimize_model import UNITS, Modell, Preise, cents
from workbench.rules.elterngeld.optimize_zaehler import Zaehler
from workbench.rules.elterngeld.plan import BASIS, BONUS, NONE, PLUS

TIE_ORDER = (BASIS, PLUS, BONUS, NONE)
"""Among plans of equal value the search returns first those that take months early and as Basis."""


@dataclass(frozen=True)
class Aktion:
    """The kinds of both parents in one Lebensmonat, with what it pays and uses."""

    a: str
    b: str
    cents: int
    ua: int               # contingent A and B use, in half Basis months
    ub: int
    both_basis: bool
    bonus: bool
    takes_a: bool
    takes_b: bool
    da: int               # what the month adds to the tracked counts of A (0 when not tracked)
    db: int
    household_ok: bool    # the minimum household income holds (or cannot be known in the month)
    household_deferred: bool


def _most(preise: Preise, month: int, kind: str) -> int:
    return cents(preise.betrag(month, kind != BASIS, ZERO))


def aktionen(model: Modell, m: int, extra: int, za: Zaehler, zb: Zaehler) -> list[Aktion]:
    """The actions of Lebensmonat ``m``, in :data:`TIE_ORDER`; ``extra`` cents are added to each
    (the household objective's net pay of the month)."""
    pa = model.parents[0]
    pb = model.parents[1] if len(model.parents) > 1 else None
    kinds_b = sorted(pb.allowed[m - 1], key=TIE_ORDER.index) if pb else [NONE]
    out = []
    for ka in sorted(pa.allowed[m - 1], key=TIE_ORDER.index):
        for kb in kinds_b:
            if (ka == BONUS or kb == BONUS) and model.bonus_joint and ka != kb:
                continue  # § 4b Abs. 1: the bonus only in parallel
            if ka == kb == BASIS and model.simultaneous_limited and m > model.simultaneous_until:
                continue
            da, db = za.unit(m, ka), zb.unit(m, kb)
            eg = (0 if ka == NONE or da else pa.month_cents[(m, ka)]) + \
                 (0 if kb == NONE or db or pb is None else pb.month_cents[(m, kb)])
            work = pa.work_net[m - 1] + (pb.work_net[m - 1] if pb else 0)
            deferred = bool(da or db)
            floor = model.min_household_cents
            # A tracked month's amount is only known at the end; without income after the birth a
            # month pays the most (the amount falls with the income, § 2 Abs. 3), so that bound
            # can already rule the action out and the exact check follows on the complete plan.
            most = eg + (_most(pa.preise, m, ka) if da else 0) + (_most(pb.preise, m, kb) if pb and db else 0)
            ok = (floor is None or (ka == NONE and kb == NONE) or most + work >= floor)
            if not ok:
                continue
            out.append(Aktion(ka, kb, eg + extra, UNITS[ka], UNITS[kb], ka == kb == BASIS,
                              ka == BONUS or kb == BONUS, ka != NONE, kb != NONE, da, db, ok,
                              deferred and floor is not None))
    return out
