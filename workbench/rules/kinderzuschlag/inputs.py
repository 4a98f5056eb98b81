"""Inputs of the Kinderzuschlag rule: explicit, frozen, independent of the case file.

The Leistungscheck maps a case onto these; every amount is a monthly euro amount as a
``Decimal``. Income amounts are the average of the six months before the
Bewilligungszeitraum (§ 6a Abs. 8 BKGG); :meth:`KizAdult.from_months` averages them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from workbench.money import ZERO, round_cent
from workbench.rules.benefit import negative_amounts

SIX = 6


def average_of_months(values: Sequence[Decimal]) -> Decimal:
    """The monthly average of the six months before the Bewilligungszeitraum, to the cent.

    Rechtsgrundlage: § 6a Abs. 8 BKGG (Durchschnitt der letzten sechs Monate)
    """
    if len(values) != SIX:
        raise ValueError(f"expected the income of {SIX} months, got {len(values)}")
    return round_cent(sum(values, ZERO) / SIX)


@dataclass(frozen=True)
class KizAdult:
    """A parent (or the parent's partner) in the Bedarfsgemeinschaft.

    - ``gross_earnings``: monthly gross income from work (Brutto), average of the last six months.
    - ``net_earnings``: the same after income tax and social insurance contributions (Netto).
    - ``other_income``: other countable income after its own exemptions (e.g. Arbeitslosengeld I,
      Krankengeld, the part of Elterngeld above its free part of § 10 Abs. 5 BEEG), monthly. Wohngeld, Kindergeld and
      Kinderzuschlag never belong here; child maintenance belongs to the child.
    - ``countable_income``: the parent's income after all § 11b SGB II deductions when it is
      already known (e.g. from a Familienkasse decision); it then replaces the computation
      from ``net_earnings`` and ``other_income``. ``None`` = compute it.
    """

    gross_earnings: Decimal = ZERO
    net_earnings: Decimal = ZERO
    other_income: Decimal = ZERO
    countable_income: Decimal | None = None

    @classmethod
    def from_months(cls, gross: Sequence[Decimal], net: Sequence[Decimal],
                    other: Sequence[Decimal] | None = None) -> "KizAdult":
        """A parent from the six monthly amounts before the Bewilligungszeitraum.

        Rechtsgrundlage: § 6a Abs. 8 BKGG
        """
        return cls(average_of_months(gross), average_of_months(net),
                   average_of_months(other) if other is not None else ZERO)


@dataclass(frozen=True)
class KizChild:
    """A child in the household.

    - ``age``: completed years in the month computed for.
    - ``kindergeld``: monthly Kindergeld received for the child (0: no Kindergeld, no KiZ).
    - ``maintenance``: maintenance (Unterhalt) received for the child, monthly.
    - ``uvg``: Unterhaltsvorschuss received for the child, monthly.
    - ``other_income``: the child's other countable income after SGB II deductions
      (e.g. Waisenrente, Ausbildungsvergütung after § 11b SGB II), monthly.
    - ``unmarried``: unmarried and not in a civil partnership (§ 6a Abs. 1 BKGG).
    """

    age: int
    kindergeld: Decimal
    maintenance: Decimal = ZERO
    uvg: Decimal = ZERO
    other_income: Decimal = ZERO
    unmarried: bool = True

    @property
    def own_income(self) -> Decimal:
        """Income of the child that reduces its Kinderzuschlag (without Kindergeld)."""
        return self.maintenance + self.uvg + self.other_income


@dataclass(frozen=True)
class KizInput:
    """The household for one Kinderzuschlag decision.

    - ``month``: first month of the Bewilligungszeitraum (any day of it; the month counts).
    - ``adults``: one parent (single parent) or two (couple) in the Bedarfsgemeinschaft.
    - ``children``: the children living in the household.
    - ``rent_cold``: Bruttokaltmiete (rent with cold service charges), monthly.
    - ``heating``: heating costs, monthly.
    - ``wealth``: countable wealth of the Bedarfsgemeinschaft (§ 12 SGB II).
    - ``wohngeld``: Wohngeld the household receives or would receive, monthly, for the
      check whether Kinderzuschlag and Wohngeld together end the need (§ 6a Abs. 1 Nr. 3
      BKGG); ``None`` when not known (the check then counts 0 € and says so).
    - ``living_space``: m², for information (the Kinderzuschlag uses the actual rent).
    """

    month: date
    adults: tuple[KizAdult, ...]
    children: tuple[KizChild, ...]
    rent_cold: Decimal
    heating: Decimal = ZERO
    wealth: Decimal = ZERO
    wohngeld: Decimal | None = None
    living_space: Decimal | None = None

    @property
    def single_parent(self) -> bool:
        return len(self.adults) == 1

    @property
    def warm_rent(self) -> Decimal:
        return self.rent_cold + self.heating


def problems(inp: KizInput) -> list[tuple[str, dict[str, object]]]:
    """What makes the input unusable, as message keys with arguments (empty when fine)."""
    out: list[tuple[str, dict[str, object]]] = []
    if len(inp.adults) not in (1, 2):
        out.append(("kinderzuschlag.eingabe.erwachsene", {"count": len(inp.adults)}))
    amounts: list[tuple[str, Decimal | None]] = [
        ("rent_cold", inp.rent_cold), ("heating", inp.heating), ("wealth", inp.wealth), ("wohngeld", inp.wohngeld),
    ]
    for i, a in enumerate(inp.adults, 1):
        amounts += [(f"adults[{i}].gross_earnings", a.gross_earnings), (f"adults[{i}].net_earnings", a.net_earnings),
                    (f"adults[{i}].other_income", a.other_income),
                    (f"adults[{i}].countable_income", a.countable_income)]
        if a.net_earnings > a.gross_earnings:
            out.append(("kinderzuschlag.eingabe.netto_ueber_brutto", {"field": f"adults[{i}]"}))
    for i, c in enumerate(inp.children, 1):
        amounts += [(f"children[{i}].kindergeld", c.kindergeld), (f"children[{i}].maintenance", c.maintenance),
                    (f"children[{i}].uvg", c.uvg), (f"children[{i}].other_income", c.other_income)]
        if c.age < 0:
            out.append(("kinderzuschlag.eingabe.alter", {"field": f"children[{i}].age", "value": c.age}))
    return out + negative_amounts(amounts, "kinderzuschlag.eingabe.negativ")
