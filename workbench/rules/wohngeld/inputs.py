"""Inputs of the Wohngeld rule (Mietzuschuss): explicit, frozen, independent of the case file.

Every amount is a monthly euro amount as a ``Decimal`` (the law works with the expected
yearly income, § 15 WoGG; a twelfth of it is the monthly figure used here).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from workbench.money import ZERO
from workbench.rules.benefit import negative_amounts


@dataclass(frozen=True)
class WohngeldMember:
    """One member of the household whose income counts (§ 5 WoGG).

    - ``age``: completed years in the month computed for.
    - ``gross_wage``: gross wages (Einnahmen aus nichtselbständiger Arbeit), monthly.
    - ``werbungskosten``: monthly Werbungskosten for the wages; ``None`` = the
      Arbeitnehmer-Pauschbetrag (1,230 €/year) when there are wages.
    - ``profit``: monthly profit from self-employment, trade or farming.
    - ``pension``: monthly statutory pension (gesetzliche Rente), counted in full minus the
      102 €/year Pauschbetrag.
    - ``other_income``: other income under § 14 WoGG, monthly (Arbeitslosengeld I, Krankengeld,
      Elterngeld above its free part of § 10 Abs. 1, 3, 4 BEEG, capital income above the saver's allowance …).
    - ``maintenance``, ``uvg``: maintenance and Unterhaltsvorschuss received, monthly.
    - ``pays_tax``, ``pays_health_insurance``, ``pays_pension_insurance``: the 10 % deductions
      of § 16 WoGG (income tax; statutory health and care insurance; statutory pension insurance).
    - ``severely_disabled``: GdB 100, or under 100 with care need and home care (§ 17 Nr. 1).
    - ``grundrente``: at least 33 years of Grundrentenzeiten (§ 17a WoGG).
    - ``child``: a child of a household member (for §§ 17 Nr. 3, 4 WoGG).
    - ``kindergeld``: monthly Kindergeld received for this member (0 if none).
    """

    age: int
    gross_wage: Decimal = ZERO
    werbungskosten: Decimal | None = None
    profit: Decimal = ZERO
    pension: Decimal = ZERO
    other_income: Decimal = ZERO
    maintenance: Decimal = ZERO
    uvg: Decimal = ZERO
    pays_tax: bool = False
    pays_health_insurance: bool = False
    pays_pension_insurance: bool = False
    severely_disabled: bool = False
    grundrente: bool = False
    child: bool = False
    kindergeld: Decimal = ZERO


@dataclass(frozen=True)
class WohngeldInput:
    """A tenant household for one month of Wohngeld.

    - ``month``: the month computed for (any day of it).
    - ``members``: every household member (§ 5 WoGG), adults and children.
    - ``rent_cold``: Bruttokaltmiete: rent with cold service charges, without heating and
      hot water (§ 9 WoGG), monthly.
    - ``heating``: heating costs, monthly (not part of the Wohngeld rent; used for the
      plausibility check of the income).
    - ``mietstufe``: Mietstufe I–VII as 1–7; ``None`` = looked up from ``municipality``.
    - ``municipality``: the municipality (default Bochum) when ``mietstufe`` is not given.
    - ``wealth``: the household's wealth (§ 21 Nr. 3 WoGG).
    - ``living_space``: m², for information (not part of the formula).
    - ``net_income``: the household's net income (earnings and other income after taxes and
      contributions, without Kindergeld, Kinderzuschlag, maintenance and UVG), monthly, for the
      plausibility check of the Wohngeldstelle; ``None`` = the check is not made.
    - ``kinderzuschlag``: Kinderzuschlag received, monthly, for that check.
    - ``transfer_recipients``: every member receives Bürgergeld/Sozialhilfe with housing
      costs (§ 7 WoGG excludes Wohngeld).
    """

    month: date
    members: tuple[WohngeldMember, ...]
    rent_cold: Decimal
    heating: Decimal = ZERO
    mietstufe: int | None = None
    municipality: str = "Bochum"
    wealth: Decimal = ZERO
    living_space: Decimal | None = None
    net_income: Decimal | None = None
    kinderzuschlag: Decimal = ZERO
    transfer_recipients: bool = False

    @property
    def size(self) -> int:
        return len(self.members)


def problems(inp: WohngeldInput) -> list[tuple[str, dict[str, object]]]:
    """What makes the input unusable, as message keys with arguments (empty when fine)."""
    out: list[tuple[str, dict[str, object]]] = []
    if not inp.members:
        out.append(("wohngeld.eingabe.keine_mitglieder", {}))
    if inp.mietstufe is not None and not 1 <= inp.mietstufe <= 7:
        out.append(("wohngeld.eingabe.mietstufe", {"value": inp.mietstufe}))
    amounts: list[tuple[str, Decimal | None]] = [
        ("rent_cold", inp.rent_cold), ("heating", inp.heating), ("wealth", inp.wealth),
        ("net_income", inp.net_income), ("kinderzuschlag", inp.kinderzuschlag),
    ]
    for i, m in enumerate(inp.members, 1):
        amounts += [(f"members[{i}].{name}", getattr(m, name)) for name in (
            "gross_wage", "werbungskosten", "pension", "other_income", "maintenance", "uvg", "kindergeld")]
        if m.age < 0:
            out.append(("wohngeld.eingabe.alter", {"field": f"members[{i}].age", "value": m.age}))
    return out + negative_amounts(amounts, "wohngeld.eingabe.negativ")
