"""Which older children bring the Geschwisterbonus, and how old they count (§ 2a Abs. 1 Satz 2, Abs. 2, 3 BEEG).

The law (checked on 2026-12-07 against the AOK-Rechtsdatenbank and elternzeitgesetz.net):

- § 2a Abs. 1 Satz 2: "Zu berücksichtigen sind alle Kinder, für die die berechtigte Person die Voraussetzungen des
  § 1 Absatz 1 und 3 erfüllt" – an own, adopted or Adoptionspflege child, the spouse's child; not a foster child in
  Vollzeitpflege and not the partner's child without marriage.
- § 2a Abs. 2: "Für angenommene Kinder, die noch nicht 14 Jahre alt sind, gilt als Alter des Kindes der Zeitraum
  seit der Aufnahme des Kindes in den Haushalt der berechtigten Person." (also for Adoptionspflege, Satz 2)
- § 2a Abs. 3: the bonus ends with the month in which a condition of Abs. 1 lapses.

Anna (A) earns 3,000 € a month; her daughter is due on 1 Sep 2026; an older child lives with her.
"""

from __future__ import annotations

from typing import Any

from workbench.case import load_case
from workbench.evaluation.elterngeld.engine import compute_elterngeld
from workbench.evaluation.elterngeld.optimize_model import Preise

WORKED = {f"{y}-{m:02d}": 3000.0 for y, m in [(2025, m) for m in range(9, 13)] + [(2026, m) for m in range(1, 9)]}


def family(older: dict[str, Any], married: bool = False, parents: int = 1) -> dict[str, Any]:
    adults: list[dict[str, Any]] = [{"id": "A", "name": "Anna", "income_before_birth": {
        "kind": "employee", "tax_class": 1, "gross_by_month": WORKED}}]
    if parents == 2:
        adults.append({"id": "B", "name": "Bert"})
    return {
        "format": "workbench-case/3", "case_id": "GESCHWISTER-AUFNAHME",
        "household": {"married": married, "parents": adults,
                      "children": [{"id": "K0", **older}, {"id": "K1", "birth_date": "2026-09-01", "expected": True,
                                                           **({"parents": ["A"]} if parents == 2 else {})}]},
        "elterngeld_plan": {"child": "K1", "months": {"A": "BBBBBBBBBBBB"}},
    }


def bonus_months(data: dict[str, Any]) -> list[bool]:
    return [m.geschwisterbonus > 0 for m in compute_elterngeld(load_case(data)).parents["A"].months]


def test_a_six_year_old_adopted_a_year_and_a_half_ago_counts_as_one_and_a_half() -> None:
    # born 10 Jan 2020, taken in 1 Mar 2025: on 1 Sep 2026 six years old, but 18 months since the taking in (< 3)
    adopted = {"birth_date": "2020-01-10", "placement": {"kind": "adoption", "date": "2025-03-01"}}
    assert bonus_months(family(adopted)) == [True] * 12
    # the same child born into the family is six: no bonus (§ 2a Abs. 1 Satz 1 Nr. 1)
    assert bonus_months(family({"birth_date": "2020-01-10"})) == [False] * 12


def test_in_adoptionspflege_the_age_counts_from_the_taking_in_as_well() -> None:
    taken_in = {"birth_date": "2020-01-10", "parents": [], "placement": {"kind": "adoption_care", "date": "2025-03-01"}}
    assert bonus_months(family(taken_in)) == [True] * 12


def test_from_the_fourteenth_birthday_an_adopted_child_counts_its_age_from_the_birth() -> None:
    # born 1 Oct 2012, taken in 1 Mar 2025: 13 in Lebensmonat 1 (1–30 Sep 2026) – its age is the 18 months since
    # the taking in; 14 on 1 Oct 2026, the first day of Lebensmonat 2: from then its real age counts, and the bonus
    # ends with Lebensmonat 1 (§ 2a Abs. 2 Satz 1, Abs. 3)
    adopted = {"birth_date": "2012-10-01", "placement": {"kind": "adoption", "date": "2025-03-01"}}
    assert bonus_months(family(adopted)) == [True] + [False] * 11


def test_a_foster_child_brings_no_geschwisterbonus() -> None:
    # Mila, 18 months old, in Vollzeitpflege: Anna does not meet § 1 Abs. 1 or 3 BEEG for her (§ 2a Abs. 1 Satz 2)
    foster = {"birth_date": "2025-03-01", "parents": [], "placement": {"kind": "foster_care", "date": "2025-06-01"}}
    assert bonus_months(family(foster)) == [False] * 12
    assert bonus_months(family({"birth_date": "2025-03-01"})) == [True] * 12  # her own child of that age does


def test_the_partners_child_counts_for_the_parent_married_to_its_parent_only() -> None:
    # Bert's son, 18 months old, lives with Anna and Bert: for Anna he is the partner's child – he counts only when
    # they are married (step-child, § 1 Abs. 3 Satz 1 Nr. 2 BEEG)
    berts = {"birth_date": "2025-03-01", "parents": ["B"]}
    assert bonus_months(family(berts, married=False, parents=2)) == [False] * 12
    assert bonus_months(family(berts, married=True, parents=2)) == [True] * 12


def test_the_optimizer_prices_the_months_with_the_same_siblings() -> None:
    case = load_case(family({"birth_date": "2025-03-01", "parents": [], "placement": {"kind": "foster_care",
                                                                                      "date": "2025-06-01"}}))
    assert not any(Preise(case, case.parent("A")).gb)
