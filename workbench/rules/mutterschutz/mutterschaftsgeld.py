"""Mutterschaftsgeld (§ 24i SGB V, § 19 MuSchG) and the employer's supplement (§ 20 MuSchG).

Who pays what for each calendar day of the protection period (the day of birth included):

- a statutorily insured member in employment (also a Minijob with her own membership): the
  Krankenkasse, the average calendar-daily net pay of the last 3 completed calendar months before
  the period, at most 13 € (§ 24i Abs. 2 SGB V);
- an employee who is not a member herself (privately or family insured, e.g. a Minijob): the
  Bundesamt für Soziale Sicherung, computed the same way but at most 210 € in all (§ 19 Abs. 2 MuSchG);
- the employer of an employee, in both cases: the daily net pay above 13 € (§ 20 Abs. 1 MuSchG);
- a statutory member without employment but with a Krankengeld entitlement (e.g. self-employed
  with the Wahlerklärung): Mutterschaftsgeld as high as the Krankengeld – the Krankenkasse computes
  it (§ 24i Abs. 2 Satz 7 SGB V, not modelled); privately insured self-employed women: Krankentagegeld
  by their contract (§ 192 Abs. 5 VVG, not modelled).

Mutterschaftsgeld under the SGB V and the supplement are set off against Elterngeld, and the
Lebensmonate with them count as the mother's Basis months (§ 3 Abs. 1 Nr. 1, § 4 Abs. 4 Satz 3
BEEG); the 210 € of the BAS are not set off.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Literal

from workbench.explain import Explanation
from workbench.money import ZERO, round_cent
from workbench.parameters import parameters
from workbench.rules.mutterschutz.schutzfristen import Schutzfristen

P = parameters("mutterschutz")

Beschaeftigung = Literal["employee", "minijob", "self_employed", "none"]
Versicherung = Literal["statutory_member", "family_insured", "private"]
Zahler = Literal["krankenkasse", "bas", "krankengeld", "krankentagegeld", "keins"]
EMPLOYED: tuple[str, ...] = ("employee", "minijob")

Month = tuple[int, int]


def bemessungsmonate(beginn: date) -> list[Month]:
    """The 3 completed calendar months before the month in which the protection period begins (monthly payroll).

    Rechtsgrundlage: § 24i Abs. 2 Satz 1 SGB V, § 20 Abs. 1 Satz 1 MuSchG
    """
    index = beginn.year * 12 + beginn.month - 1
    return [(i // 12, i % 12 + 1) for i in range(index - 3, index)]


def teiler(monate: Sequence[Month], festes_gehalt: bool, on: date) -> int:
    """Calendar days the net pay is divided by: 30 per month for a fixed salary, else the months' real days.

    Rechtsgrundlage: § 24i Abs. 2 Satz 1 SGB V, § 21 Abs. 1 MuSchG
    """
    if festes_gehalt:
        return int(P.value("tage_je_monat_festes_gehalt", on)) * len(monate)
    return sum(calendar.monthrange(y, m)[1] for y, m in monate)


def kalendertaegliches_netto(netto: Sequence[Decimal], tage: int) -> Decimal:
    """Average calendar-daily net pay, rounded to the cent (kaufmännisch; model assumption).

    Rechtsgrundlage: § 24i Abs. 2 Satz 1 SGB V, § 20 Abs. 1 Satz 1 MuSchG
    """
    return round_cent(sum(netto, ZERO) / tage)


def arbeitgeberzuschuss_tag(netto_tag: Decimal, on: date) -> Decimal:
    """The employer's supplement per calendar day: the daily net pay above 13 €.

    Rechtsgrundlage: § 20 Abs. 1 Satz 1 MuSchG
    """
    return max(ZERO, netto_tag - Decimal(P.value("mutterschaftsgeld_hoechstens_tag", on)))


def kasse_tag(netto_tag: Decimal, on: date) -> Decimal:
    """Mutterschaftsgeld per calendar day: the daily net pay, at most 13 €.

    Rechtsgrundlage: § 24i Abs. 2 Satz 1, 2 SGB V
    """
    return min(netto_tag, Decimal(P.value("mutterschaftsgeld_hoechstens_tag", on)))


@dataclass(frozen=True)
class Mutterschaftsgeld:
    """Who pays how much over the protection period."""

    zahler: Zahler
    tage: int
    netto_tag: Decimal | None
    kasse_tag: Decimal
    kasse_gesamt: Decimal
    bas_gesamt: Decimal
    zuschuss_tag: Decimal
    zuschuss_gesamt: Decimal
    anrechenbar: bool
    explanation: Explanation = field(compare=False)

    @property
    def gesamt(self) -> Decimal:
        """Everything the mother receives for the protection period."""
        return self.kasse_gesamt + self.bas_gesamt + self.zuschuss_gesamt


def mutterschaftsgeld(fristen: Schutzfristen, beschaeftigung: Beschaeftigung, versicherung: Versicherung,
                      netto_3_monate: Sequence[Decimal] = (), *, festes_gehalt: bool = True,
                      krankengeldanspruch: bool = True) -> Mutterschaftsgeld:
    """Mutterschaftsgeld, the BAS one-off and the employer's supplement for the whole protection period.

    ``netto_3_monate`` is the net pay of the 3 months of :func:`bemessungsmonate` (needed for employees).
    Rechtsgrundlage: § 24i SGB V, § 19 Abs. 1, 2 MuSchG, § 20 Abs. 1 MuSchG
    """
    on = fristen.beginn
    tage = fristen.tage
    expl = Explanation()
    expl.add("mutterschaftsgeld.tage", tage, "§ 24i Abs. 3 SGB V, § 19 Abs. 1 MuSchG",
             beginn=fristen.beginn, ende=fristen.ende)
    employed = beschaeftigung in EMPLOYED
    if not employed:
        if versicherung == "statutory_member" and krankengeldanspruch:
            expl.add("mutterschaftsgeld.krankengeld", None, "§ 24i Abs. 1, 2 SGB V")
            return Mutterschaftsgeld("krankengeld", tage, None, ZERO, ZERO, ZERO, ZERO, ZERO, True, expl)
        if versicherung == "private" and beschaeftigung == "self_employed":
            expl.add("mutterschaftsgeld.krankentagegeld", None, "§ 192 Abs. 5 VVG, § 4 Abs. 4 Satz 3 BEEG")
            return Mutterschaftsgeld("krankentagegeld", tage, None, ZERO, ZERO, ZERO, ZERO, ZERO, True, expl)
        expl.add("mutterschaftsgeld.keins", None, "§ 24i Abs. 1 SGB V, § 19 MuSchG")
        return Mutterschaftsgeld("keins", tage, None, ZERO, ZERO, ZERO, ZERO, ZERO, False, expl)

    monate = bemessungsmonate(fristen.beginn)
    if len(netto_3_monate) != len(monate):
        raise ValueError("netto_3_monate needs the net pay of 3 months")
    divisor = teiler(monate, festes_gehalt, on)
    netto_tag = kalendertaegliches_netto(netto_3_monate, divisor)
    expl.add("mutterschaftsgeld.netto_tag", netto_tag, "§ 24i Abs. 2 Satz 1 SGB V, § 21 MuSchG",
             netto=sum(netto_3_monate, ZERO), teiler=divisor,
             first=f"{monate[0][1]:02d}/{monate[0][0]}", last=f"{monate[-1][1]:02d}/{monate[-1][0]}")
    daily = kasse_tag(netto_tag, on)
    zuschuss = arbeitgeberzuschuss_tag(netto_tag, on)
    zuschuss_gesamt = zuschuss * tage
    if versicherung == "statutory_member":
        kasse = daily * tage
        expl.add("mutterschaftsgeld.kasse", kasse, "§ 24i Abs. 2 Satz 2 SGB V, § 19 Abs. 1 MuSchG",
                 tag=daily, tage=tage)
        bas = ZERO
        zahler: Zahler = "krankenkasse"
    else:
        kasse = ZERO
        cap = Decimal(P.value("mutterschaftsgeld_bas_hoechstens", on))
        bas = min(cap, daily * tage)
        expl.add("mutterschaftsgeld.bas", bas, "§ 19 Abs. 2 Satz 2 MuSchG", tag=daily, tage=tage, cap=cap)
        zahler = "bas"
    expl.add("mutterschaftsgeld.zuschuss", zuschuss_gesamt, "§ 20 Abs. 1 Satz 1 MuSchG", tag=zuschuss, tage=tage,
             netto_tag=netto_tag)
    anrechenbar = zahler == "krankenkasse" or zuschuss > ZERO
    return Mutterschaftsgeld(zahler, tage, netto_tag, daily, kasse, bas, zuschuss, zuschuss_gesamt, anrechenbar, expl)
