"""The monthly amounts: Ersatzrate, Basiselterngeld, ElterngeldPlus, Geschwisterbonus, Mehrlingszuschlag.

All functions are pure: Decimal in, Decimal out, the parameters looked up by the
child's birth date. Amounts are rounded to the cent, kaufmännisch, where they are paid
(Richtlinien zum BEEG 2.0.3.3.1); the rate itself is not rounded (three decimals by
construction).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_FLOOR, Decimal
from typing import Protocol

from workbench.money import ZERO, round_cent
from workbench.parameters import parameters
from workbench.rules.elterngeld.lebensmonate import is_younger_than

P = parameters("elterngeld")


def ersatzrate(netto: Decimal, birth: date) -> Decimal:
    """The share of the pre-birth income that Elterngeld replaces.

    67 %; below 1,000 € +0.1 percentage points per full 2 € below, up to 100 %;
    above 1,200 € −0.1 percentage points per full 2 € above, down to 65 %.
    Rechtsgrundlage: § 2 Abs. 1 Satz 1, Abs. 2 BEEG
    """
    rate: Decimal = P.value("ersatzrate", birth)
    low = P.value("ersatzrate_geringverdiener", birth)
    high = P.value("ersatzrate_absenkung", birth)
    if netto < low["grenze"]:
        steps = ((low["grenze"] - netto) / low["schritt"]).to_integral_value(rounding=ROUND_FLOOR)
        return Decimal(min(rate + steps * low["je_schritt"], low["hoechstens"]))
    if netto > high["grenze"]:
        steps = ((netto - high["grenze"]) / high["schritt"]).to_integral_value(rounding=ROUND_FLOOR)
        return Decimal(max(rate - steps * high["je_schritt"], high["mindestens"]))
    return rate


def einkommen_vor_geburt_gedeckelt(netto: Decimal, birth: date) -> Decimal:
    """Pre-birth income counts at most with 2,770 €.

    Rechtsgrundlage: § 2 Abs. 3 Satz 2 BEEG
    """
    cap: Decimal = P.value("einkommen_hoechstbetrag_m", birth)
    return min(netto, cap)


def basiselterngeld(netto_vor: Decimal, netto_nach: Decimal, rate: Decimal, birth: date) -> Decimal:
    """Basiselterngeld of one Lebensmonat: the rate times the income lost, 300 to 1,800 €.

    Without income after the birth ``netto_nach`` is 0.
    Rechtsgrundlage: § 2 Abs. 1, 3, 4 BEEG
    """
    lost = max(einkommen_vor_geburt_gedeckelt(netto_vor, birth) - netto_nach, ZERO)
    amount = round_cent(rate * lost)
    low: Decimal = P.value("basiselterngeld_mindestbetrag_m", birth)
    high: Decimal = P.value("basiselterngeld_hoechstbetrag_m", birth)
    return min(max(amount, low), high)


def plus_anteil(amount: Decimal, birth: date) -> Decimal:
    """Half of a Basiselterngeld amount, to the cent.

    Rechtsgrundlage: § 4a Abs. 2 Satz 1, 3 BEEG
    """
    share: Decimal = P.value("elterngeldplus_anteil", birth)
    return round_cent(amount * share)


def elterngeldplus(netto_vor: Decimal, netto_nach: Decimal, rate: Decimal, birth: date) -> Decimal:
    """ElterngeldPlus of one Lebensmonat.

    The amount is computed like Basiselterngeld but is at most half of the
    Basiselterngeld without income after the birth (Deckelung) and at least half of
    the minimum amount.
    Rechtsgrundlage: § 4a Abs. 2 Satz 1–3 BEEG
    """
    deckel = plus_anteil(basiselterngeld(netto_vor, ZERO, rate, birth), birth)
    if netto_nach == ZERO:
        return deckel
    lost = max(einkommen_vor_geburt_gedeckelt(netto_vor, birth) - netto_nach, ZERO)
    amount = round_cent(rate * lost)
    minimum = plus_anteil(P.value("basiselterngeld_mindestbetrag_m", birth), birth)
    return max(min(amount, deckel), minimum)


def geschwisterbonus(amount: Decimal, plus: bool, birth: date) -> Decimal:
    """The sibling bonus: 10 % of the month's Elterngeld, at least 75 € (Plus: 37.50 €).

    Rechtsgrundlage: § 2a Abs. 1 Satz 1 BEEG, § 4a Abs. 2 Satz 3 BEEG
    """
    satz: Decimal = P.value("geschwisterbonus_satz", birth)
    minimum: Decimal = P.value("geschwisterbonus_mindestbetrag_m", birth)
    if plus:
        minimum = plus_anteil(minimum, birth)
    return max(round_cent(amount * satz), minimum)


def mehrlingszuschlag(count: int, plus: bool, birth: date) -> Decimal:
    """300 € (Plus: 150 €) for the second and every further child of a multiple birth.

    Rechtsgrundlage: § 2a Abs. 4 Satz 1 BEEG, § 4a Abs. 2 Satz 3 BEEG
    """
    per_child: Decimal = P.value("mehrlingszuschlag_m", birth)
    if plus:
        per_child = plus_anteil(per_child, birth)
    return per_child * max(count - 1, 0)


def monatsbetrag(netto_vor: Decimal, netto_nach: Decimal, rate: Decimal, plus: bool, mit_geschwisterbonus: bool,
                 count: int, birth: date) -> tuple[Decimal, Decimal, Decimal]:
    """Elterngeld of one Lebensmonat as paid: the amount, its Geschwisterbonus and its Mehrlingszuschlag.

    The first element is the Basiselterngeld or ElterngeldPlus (also for Partnerschaftsbonus
    months) with ``netto_nach`` as the income after the birth of that month's kind (0 in a
    month without income).
    Rechtsgrundlage: § 2 Abs. 1–4 BEEG, § 2a Abs. 1, 4 BEEG, § 4a Abs. 2 BEEG, § 4b Abs. 1 BEEG
    """
    base = (elterngeldplus if plus else basiselterngeld)(netto_vor, netto_nach, rate, birth)
    gb = geschwisterbonus(base, plus, birth) if mit_geschwisterbonus else ZERO
    return base, gb, mehrlingszuschlag(count, plus, birth)


class Geschwister(Protocol):
    """An older child of the household as § 2a BEEG looks at it (a case's ``Child`` is one)."""

    @property
    def birth_date(self) -> date: ...

    @property
    def disability(self) -> bool: ...


@dataclass(frozen=True)
class Geschwisterkind:
    """An older child as § 2a BEEG counts it for one parent: its birth, a disability, and for an adopted child (or
    one taken in with the aim of adoption) the day it was taken in."""

    birth_date: date
    disability: bool = False
    taken_in: date | None = None


def alter_ab(kind: Geschwister, on: date) -> date:
    """The day from which a sibling's age counts on ``on``: for an adopted child (or one in Adoptionspflege) not yet
    14 years old the day it was taken into the household, else its birth.

    Rechtsgrundlage: § 2a Abs. 2 Satz 1, 2 BEEG
    """
    taken_in = kind.taken_in if isinstance(kind, Geschwisterkind) else None
    limit = int(P.value("geschwisterbonus_altersgrenzen", on)["angenommenes_kind_unter"])
    if taken_in is not None and is_younger_than(kind.birth_date, limit, on):
        return taken_in
    return kind.birth_date


def geschwisterbonus_berechtigt(older: Sequence[Geschwister], on: date, birth: date) -> bool:
    """Whether the household has, besides the new child, one sibling under 3, two under 6, or a
    disabled sibling under 14 on the first day of the Lebensmonat (an adopted sibling's age counted from the day
    it was taken in, :func:`alter_ab`).

    Rechtsgrundlage: § 2a Abs. 1 Satz 1 Nr. 1, 2, Abs. 2, Abs. 3 BEEG
    """
    ages = P.value("geschwisterbonus_altersgrenzen", birth)
    # one entry per child (older twins are two entries, ADR 0027), so each sibling counts once
    counted = [(alter_ab(c, on), c.disability) for c in older]
    under3 = sum(1 for born, _ in counted if is_younger_than(born, int(ages["ein_kind_unter"]), on))
    under6 = sum(1 for born, _ in counted if is_younger_than(born, int(ages["zwei_kinder_unter"]), on))
    disabled = sum(1 for born, disability in counted
                   if disability and is_younger_than(born, int(ages["behindertes_kind_unter"]), on))
    return under3 >= 1 or under6 >= 2 or disabled >= 1
