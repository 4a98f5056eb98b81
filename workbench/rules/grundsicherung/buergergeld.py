"""Bürgergeld of a Bedarfsgemeinschaft as a comparison amount beside Kinderzuschlag and Wohngeld.

KiZ and Wohngeld take priority over Bürgergeld only when, with the household's own income, they end
the need (§ 12a SGB II, § 6a Abs. 1 Nr. 3 BKGG); Wohngeld is excluded while Bürgergeld is received
(§ 7 Abs. 1 WoGG). So the advisor needs both sides: what Bürgergeld would pay, and what is still
missing with KiZ and Wohngeld. The computation (§§ 7, 9, 11, 11b, 19–22 SGB II):

1. **Need** (Bedarf): Regelbedarfsstufe 1 for one adult, 2 × Stufe 2 for a couple, each child by age
   (Stufen 6/5/4/3), the Mehrbedarf for single parents (§ 21 Abs. 3), the Bruttokaltmiete and the
   heating (§ 22 Abs. 1). The rent counts in full in the Karenzzeit of the first year (§ 22 Abs. 1
   Satz 2); after it only up to the municipality's Angemessenheitsgrenze (Bochum:
   ``kdu_angemessenheitsgrenze_bochum_m``). The rent is shared per head.
2. **Income**: each adult's net pay minus the § 11b Absetzbeträge (Grundabsetzbetrag and
   Erwerbstätigenfreibetrag on the gross pay), other income (after § 10 BEEG for Elterngeld) minus the
   30 € insurance allowance when there are no earnings. A child's Kindergeld and other income cover
   the child's own need first; Kindergeld the child does not need counts for the parent
   (§ 11 Abs. 1 Satz 5); a child who covers its own need is not part of the Bedarfsgemeinschaft
   (§ 7 Abs. 3 Nr. 4).
3. **Bürgergeld** = need − counted income (not below 0), for the household.
4. **Foster children** (Vollzeitpflege, § 33 SGB VIII) live in the household but are not members of the
   Bedarfsgemeinschaft: § 7 Abs. 3 Nr. 4 SGB II names the children *of* its members, and the foster child's
   living is the Jugendamt's Pflegegeld (§ 39 SGB VIII). They still take their head share of the rent
   (``others``, BSG 27.01.2009 – B 14/7b AS 8/07 R), and the Kindergeld paid for them counts as income of the
   foster parent, less what § 39 Abs. 6 SGB VIII sets off against the Pflegegeld
   (:func:`kindergeld_pflegekind_einkommen`). The Pflegegeld itself is no income of the family here: its
   Aufwendungsersatz never is, its Erziehungsbeitrag only from the third foster child (§ 11a Abs. 3 Satz 2 Nr. 1
   SGB II; not modelled).
5. The **Kindersofortzuschlag** (§ 72 SGB II, 25 € per child in need) is paid on top: it is shown apart,
   it is not part of the need and not income.

It is an advisor's comparison, not a Bescheid: Mehrbedarfe other than § 21 Abs. 3 (pregnancy,
disability, decentral hot water), one-off needs and BuT are not counted; the Jobcenter decides.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from workbench.explain import Explanation
from workbench.money import ZERO, round_cent
from workbench.rules.benefit import UsedParameters, as_decimal
from workbench.rules.grundsicherung.bedarfe import (VOLLJAEHRIG, mehrbedarf_alleinerziehende, regelbedarf_erwachsene,
                                                    regelbedarf_kind)
from workbench.rules.grundsicherung.freibetraege import erwerbstaetigen_absetzbetrag, versicherungspauschale
from workbench.rules.grundsicherung.parameter import lookup


@dataclass(frozen=True)
class Erwachsener:
    """An adult of the Bedarfsgemeinschaft: gross and net pay from work, other income already after its own rules."""

    gross: Decimal
    net: Decimal
    other: Decimal = ZERO


@dataclass(frozen=True)
class Kind:
    """A child in the household: completed years, Kindergeld, other income (maintenance, UVG, orphan's benefits, own pay)."""

    age: int
    kindergeld: Decimal = ZERO
    other_income: Decimal = ZERO


@dataclass(frozen=True)
class Bedarfsgemeinschaft:
    """The household as the Jobcenter sees it; ``after_karenzzeit``: the first year of Bürgergeld is over
    (the rent then counts up to the Angemessenheitsgrenze only); ``municipality`` names the table used."""

    adults: Sequence[Erwachsener]
    children: Sequence[Kind]
    rent_cold: Decimal
    heating: Decimal = ZERO
    after_karenzzeit: bool = False
    municipality: str = "Bochum"
    others: int = 0
    """Persons in the household outside the Bedarfsgemeinschaft (foster children): they share the rent per head."""


@dataclass(frozen=True)
class Buergergeld:
    """The comparison amount: need, counted income, Bürgergeld, the Sofortzuschlag apart, explained."""

    need: Decimal
    income: Decimal
    amount: Decimal
    sofortzuschlag: Decimal
    explanation: Explanation
    unverified: tuple[str, ...] = ()


def angemessenheitsgrenze(municipality: str, persons: int, p: UsedParameters) -> Decimal | None:
    """The appropriate Bruttokaltmiete for the household size (``None``: no table for the municipality).

    Rechtsgrundlage: § 22 Abs. 1 Satz 1 SGB II (Buch Unterkunft der Stadt Bochum)
    """
    if municipality != "Bochum":
        return None
    table = p("kdu_angemessenheitsgrenze_bochum_m")["personen"]
    return as_decimal(table[min(persons, len(table)) - 1])


def unterkunft(bg: Bedarfsgemeinschaft, p: UsedParameters) -> Decimal:
    """The housing need without heating: the Bruttokaltmiete, after the Karenzzeit at most the Angemessenheitsgrenze.

    Rechtsgrundlage: § 22 Abs. 1 Satz 1, 2 SGB II
    """
    if not bg.after_karenzzeit:
        return bg.rent_cold
    limit = angemessenheitsgrenze(bg.municipality, len(bg.adults) + len(bg.children) + bg.others, p)
    return bg.rent_cold if limit is None else min(bg.rent_cold, limit)


def kindergeld_pflegekind_einkommen(kindergeld: Decimal, erstes_kind: Decimal, aeltestes: bool,
                                    p: UsedParameters) -> Decimal:
    """The part of a foster child's Kindergeld that counts as the foster parent's income: the Kindergeld less
    the amount the Jugendamt sets off against the Pflegegeld – half the Kindergeld for a first child when the
    foster child is the oldest child of the foster family, else a quarter (BSG 27.01.2009 – B 14/7b AS 8/07 R).

    Rechtsgrundlage: § 11 Abs. 1 SGB II, § 39 Abs. 6 SGB VIII
    """
    shares = p("pflegegeld_kindergeld_anrechnung")
    set_off = round_cent(erstes_kind * as_decimal(shares["aeltestes_kind" if aeltestes else "weitere_kinder"]))
    return max(kindergeld - set_off, ZERO)


def einkommen_erwachsener(adult: Erwachsener, with_child: bool, p: UsedParameters) -> Decimal:
    """An adult's counted income: net pay minus the § 11b Absetzbeträge, plus other income (minus the 30 €
    insurance allowance when there are no earnings).

    Rechtsgrundlage: § 11, § 11b Abs. 1 Satz 1 Nr. 3, Abs. 2, 3 SGB II
    """
    from_work = max(adult.net - erwerbstaetigen_absetzbetrag(adult.gross, with_child, p), ZERO)
    other = adult.other if adult.gross > 0 else versicherungspauschale(adult.other, p)
    return from_work + other


def _rechnung(bg: Bedarfsgemeinschaft, kiz: Sequence[Decimal], wohngeld: Decimal,
              p: UsedParameters) -> tuple[Decimal, Decimal, list[bool], dict[str, Decimal]]:
    """Need, available income, which children are in need, and the parts (for the explanation)."""
    persons = len(bg.adults) + len(bg.children) + bg.others  # Kopfteile: foster children take theirs
    housing = unterkunft(bg, p)
    head = (housing + bg.heating) / persons
    regel = regelbedarf_erwachsene(len(bg.adults), p)
    mehr = mehrbedarf_alleinerziehende([c.age for c in bg.children], p)[1] if len(bg.adults) == 1 else ZERO
    need = regel + mehr + head * len(bg.adults)
    with_child = any(c.age < VOLLJAEHRIG for c in bg.children)
    parents = sum((einkommen_erwachsener(a, with_child, p) for a in bg.adults), ZERO)
    available = parents + wohngeld
    children_rb = child_income = ZERO
    in_need = []
    for child, extra in zip(bg.children, [*kiz, *[ZERO] * len(bg.children)]):
        rb = regelbedarf_kind(child.age, p)
        child_need = rb + head
        own = child.other_income + extra
        covered = min(own + child.kindergeld, child_need)
        surplus_kindergeld = min(child.kindergeld, max(own + child.kindergeld - child_need, ZERO))
        need += child_need
        children_rb += rb
        available += covered + surplus_kindergeld
        child_income += covered + surplus_kindergeld
        in_need.append(own + child.kindergeld < child_need)
    members = Decimal(len(bg.adults) + len(bg.children)) / persons  # the Bedarfsgemeinschaft's head shares
    parts = {"regel": regel, "children": children_rb, "mehr": mehr, "housing": housing, "heating": bg.heating,
             "housing_bg": round_cent(housing * members), "heating_bg": round_cent(bg.heating * members),
             "work": round_cent(parents), "child_income": round_cent(child_income)}
    return round_cent(need), round_cent(available), in_need, parts


def buergergeld(bg: Bedarfsgemeinschaft, on: date) -> Buergergeld:
    """What Bürgergeld would pay the household a month (without KiZ and Wohngeld), and the Sofortzuschlag apart.

    Rechtsgrundlage: §§ 7, 9, 11, 11b, 19–22, 72 SGB II
    """
    p = lookup(on)
    e = Explanation()
    need, income, in_need, parts = _rechnung(bg, (), ZERO, p)
    if bg.others:
        e.add("grundsicherung.step.pflegekinder", None, "§ 7 Abs. 3 Nr. 4 SGB II, § 39 Abs. 6 SGB VIII",
              count=bg.others, housing=parts["housing"] - parts["housing_bg"], heating=parts["heating"] - parts["heating_bg"])
    e.add("grundsicherung.step.bedarf", need, "§§ 19–22 SGB II", regel=parts["regel"], children=parts["children"],
          mehr=parts["mehr"], housing=parts["housing_bg"], heating=parts["heating_bg"])
    if bg.after_karenzzeit and parts["housing"] < bg.rent_cold:
        e.add("grundsicherung.step.kdu_grenze", parts["housing"], "§ 22 Abs. 1 Satz 1 SGB II", rent=bg.rent_cold)
    elif not bg.after_karenzzeit:
        e.add("grundsicherung.step.karenzzeit", bg.rent_cold, "§ 22 Abs. 1 Satz 2 SGB II")
    e.add("grundsicherung.step.einkommen", income, "§§ 11, 11b SGB II, § 11 Abs. 1 Satz 5 SGB II",
          work=parts["work"], children=parts["child_income"])
    amount = max(need - income, ZERO)
    e.add("grundsicherung.step.buergergeld", amount, "§ 19 Abs. 1, 3 SGB II", need=need, income=income)
    children = sum(1 for n in in_need if n) if amount > 0 else 0
    sofort = as_decimal(p("kindersofortzuschlag_m")) * children
    e.add("grundsicherung.step.sofortzuschlag", sofort, "§ 72 SGB II", children=children)
    return Buergergeld(need, income, amount, sofort, e, p.unverified)


def fehlbetrag(bg: Bedarfsgemeinschaft, kiz_per_child: Sequence[Decimal], wohngeld: Decimal, on: date) -> Decimal:
    """What is still missing to the need with Kinderzuschlag (as the children's income) and Wohngeld.

    0 means KiZ and Wohngeld end the need and take priority over Bürgergeld.
    Rechtsgrundlage: § 12a SGB II, § 6a Abs. 1 Nr. 3 BKGG, § 9 SGB II
    """
    need, available, _, _ = _rechnung(bg, kiz_per_child, wohngeld, lookup(on))
    return max(need - available, ZERO)
