"""The Kita topic of a case: the dates of the wanted start and the fee status of that month.

Wires the case's ``kita`` part (:class:`workbench.case.pflege.KitaWish`) to the pure rules of
:mod:`workbench.rules.kita`; the Kita wizard, the handout and ``workbench kita`` read the same
:class:`KitaResult`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from workbench.parameters import parameters
from workbench.rules.kita import Beitrag, KitaTermine, beitrag, kita_termine

if TYPE_CHECKING:
    from workbench.case import Case, Child
    from workbench.case.pflege import KitaWish


@dataclass(frozen=True)
class KitaResult:
    """The child, the dates of § 24 SGB VIII / § 5 KiBiz and the fee status of the first month with a claim."""

    wish: KitaWish
    child: Child
    termine: KitaTermine
    fee: Beitrag
    places: int = 1
    """Children of the child's birth: twins need two places, each with its own claim (ADR 0027)."""

    @property
    def kindergartenjahr_end(self) -> date:
        """31 July that ends the Kindergartenjahr of the start."""
        return date(self.termine.kindergartenjahr.year + 1, 7, 31)

    def income_limit_y(self) -> Decimal:
        """The yearly household income up to which the Kita is free in the fee month (Elternbeitragssatzung Bochum)."""
        return Decimal(parameters("kita").value("beitragsfrei_einkommen_y", self.termine.start_mit_anspruch))


def kita_result(case: Case) -> KitaResult | None:
    """The Kita dates and fee of ``case.kita``; None without a wish with a start.

    Rechtsgrundlage: § 24 Abs. 2, 3, § 90 Abs. 4 SGB VIII; §§ 5, 50, 51 KiBiz
    """
    wish = case.kita
    if wish is None or wish.start is None:
        return None
    child = case.child(wish.child)
    t = kita_termine(child.birth_date, wish.start)
    fee = beitrag(child.birth_date, t.start_mit_anspruch, wish.household_income_y, wish.transfer)
    return KitaResult(wish, child, t, fee, case.household.birth_size(child))


__all__ = ["KitaResult", "kita_result"]
