"""Mutterschaftsgeld and the employer's top-up per Lebensmonat, and the day-exact set-off against Elterngeld.

For every calendar day of the protection period from the day of birth the mother receives
Mutterschaftsgeld of the Krankenkasse (at most 13 €, § 24i Abs. 2 SGB V, § 19 Abs. 1 MuSchG) and her
employer's top-up to her daily net pay (§ 20 Abs. 1 MuSchG). Both are set off against Elterngeld,
and where they are due for only a part of a Lebensmonat only against that part of the Elterngeld
(§ 3 Abs. 1 Satz 1 Nr. 1, Satz 2 BEEG): a Lebensmonat in which the protection period ends early
pays Elterngeld for its remaining days.

The engine follows the federal calculator and pays 0 € in every Lebensmonat with
Mutterschaftsleistungen (ADR 0025); the household model adds the part of a partly covered month here
(ADR 0028). The daily net pay is that of the case's Mutterschutz data (3 months' net, § 24i Abs. 2
Satz 1 SGB V) or, without them, the pre-birth monthly net divided by 30 (a fixed salary, § 21 MuSchG).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from workbench.evaluation.elterngeld.engine import mutterschutz_fristen
from workbench.money import ZERO, round_cent
from workbench.parameters import parameters
from workbench.rules.elterngeld.lebensmonate import lebensmonate
from workbench.rules.elterngeld.plan import LEBENSMONATE
from workbench.rules.mutterschutz.mutterschaftsgeld import (
    arbeitgeberzuschuss_tag, kalendertaegliches_netto, kasse_tag, mutterschaftsgeld,
)

if TYPE_CHECKING:
    from workbench.case import Case, Parent

MS = parameters("mutterschutz")


@dataclass(frozen=True)
class Schutzmonat:
    """One Lebensmonat with Mutterschaftsleistungen: its days, the days covered and what they bring."""

    month: int
    days: int
    covered: int
    kasse: Decimal       # Mutterschaftsgeld of the Krankenkasse for the covered days
    zuschuss: Decimal    # the employer's top-up for the covered days

    @property
    def leistungen(self) -> Decimal:
        return self.kasse + self.zuschuss

    @property
    def partly(self) -> bool:
        return 0 < self.covered < self.days


class Mutterschaftsleistungen:
    """The mother's Mutterschaftsleistungen per Lebensmonat after the birth (empty for anyone else).

    Rechtsgrundlage: § 24i SGB V, §§ 19, 20 MuSchG, § 3 Abs. 1 BEEG
    """

    def __init__(self, case: "Case", parent: "Parent", full_net: Decimal) -> None:
        self.months: dict[int, Schutzmonat] = {}
        self.kasse_tag = self.zuschuss_tag = ZERO
        child = case.plan_child()
        if not parent.maternity_benefit or child.placement is not None:  # MuSchG: only after a birth
            return
        angaben = case.mutterschutz
        if angaben is not None and (angaben.mother != parent.id or angaben.child != child.id):
            angaben = None
        fristen = mutterschutz_fristen(case, child, mother=parent.id)
        if angaben is not None and angaben.due_date is not None:
            geld = mutterschaftsgeld(fristen, angaben.employment, angaben.insurance, angaben.net_last_3_months,
                                     festes_gehalt=angaben.fixed_salary, krankengeldanspruch=angaben.sick_pay_entitlement)
            self.kasse_tag = geld.kasse_tag if geld.zahler == "krankenkasse" else ZERO
            self.zuschuss_tag = geld.zuschuss_tag
        elif full_net > ZERO:
            days = int(MS.value("tage_je_monat_festes_gehalt", fristen.beginn))
            netto_tag = kalendertaegliches_netto([full_net], days)
            self.kasse_tag = kasse_tag(netto_tag, fristen.beginn)
            self.zuschuss_tag = arbeitgeberzuschuss_tag(netto_tag, fristen.beginn)
        for lm in lebensmonate(child.birth_date, LEBENSMONATE):
            if lm.start > fristen.ende:
                break
            days = (lm.end - lm.start).days + 1
            covered = (min(lm.end, fristen.ende) - lm.start).days + 1
            self.months[lm.number] = Schutzmonat(lm.number, days, covered, self.kasse_tag * covered,
                                                 self.zuschuss_tag * covered)

    def in_month(self, month: int) -> Decimal:
        """Mutterschaftsgeld and top-up for the covered days of Lebensmonat ``month``."""
        sm = self.months.get(month)
        return sm.leistungen if sm is not None else ZERO

    def teilmonat(self, month: int, amount: Decimal) -> Decimal:
        """Elterngeld of a partly covered Lebensmonat: ``amount`` less the set-off on its covered part.

        ``amount`` is the month's Elterngeld without Mutterschaftsleistungen. The part for the covered
        days is ``amount × covered / days``; the benefits of those days are set off against it, at most
        that part. A fully covered month stays at 0 € as the engine pays it.
        Rechtsgrundlage: § 3 Abs. 1 Satz 1 Nr. 1, Satz 2 BEEG
        """
        sm = self.months.get(month)
        if sm is None or not sm.partly:
            return ZERO
        covered_part = round_cent(amount * sm.covered / sm.days)
        return amount - min(covered_part, sm.leistungen)
