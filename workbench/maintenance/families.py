"""Example families and, for every benefit that has an evaluator, the amount they get.

Families come from ``families.yaml`` beside this module; each is computed with its child
born on the comparison date. An evaluator maps (family, date) to one amount per benefit:

- ``elterngeld``: the household's Elterngeld over the whole plan (sum of all months);
  the date is the child's birth date, which selects the Elterngeld parameters.
- ``steuer``: Lohnsteuer and Solidaritätszuschlag per month on the parents' gross wage
  before the birth, with the Programmablaufplan of the date's calendar year.
- ``mutterschutz``: Mutterschaftsgeld of the first parent for a birth on the due date (the date):
  the Krankenkasse's part for an employee, the BAS one-off for a (family-insured) Minijob; the
  families give gross pay only, which stands in for the net pay to decide the 13 € cap.
- ``kinderzuschlag``, ``wohngeld``: the amount per month in an example flat in Bochum
  (``families_kizwg.py`` names the assumptions).
- ``leistungen``: Kindergeld plus Unterhaltsvorschuss per month (``families_leistungen.py``).
- ``grundsicherung``: the family's SGB II need per month in the same example flat (Regelbedarfe,
  Mehrbedarf, warm rent); a change of these values also changes the Kinderzuschlag and may
  change Wohngeld, so :func:`affected_benefits` compares those too (``READS``).

A benefit whose ``rules/<benefit>/params.yaml`` exists but has no evaluator yet is listed
by :func:`benefits_without_evaluator`, so the maintainer sees it is not compared.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any


from workbench.maintenance import families_kizwg, families_leistungen
from workbench.parameters import parameter_files
from workbench.resources import resource_path, safe_yaml

FAMILIES_FILE = resource_path("maintenance", "families.yaml")


@dataclass(frozen=True)
class Family:
    """An example household: parents with income and plan, the child's count, older siblings."""

    id: str
    label: dict[str, str]
    parents: tuple[dict[str, Any], ...]
    count: int = 1
    sibling_years: tuple[int, ...] = ()

    def case_data(self, birth: date, language: str = "de") -> dict[str, Any]:
        """The family as a workbench-case/1 file with the child born on ``birth``."""
        children: list[dict[str, Any]] = [{"id": "K1", "birth_date": birth.isoformat(), "count": self.count}]
        for n, years in enumerate(self.sibling_years):
            sibling = birth.replace(year=birth.year - years, day=min(birth.day, 28))
            children.append({"id": f"G{n + 1}", "birth_date": sibling.isoformat()})
        return {
            "format": "workbench-case/1", "case_id": f"beispiel-{self.id}", "language": language,
            "household": {
                "parents": [{"id": p["id"], "income_before_birth": p["income"]} for p in self.parents],
                "children": children,
            },
            "elterngeld_plan": {"child": "K1", "months": {p["id"]: p["plan"] for p in self.parents}},
        }


@lru_cache(maxsize=4)
def load_families(path: Path = FAMILIES_FILE) -> tuple[Family, ...]:
    """The example families of ``path`` (default: the package's families.yaml)."""
    data = safe_yaml(path.read_text(encoding="utf-8"))
    return tuple(
        Family(f["id"], dict(f["label"]), tuple(f["parents"]), int(f.get("count", 1)),
               tuple(int(y) for y in f.get("sibling_years", ())))
        for f in data["families"])


def elterngeld_total(family: Family, on: date) -> Decimal:
    """Elterngeld of the household over the plan, child born on ``on``."""
    from workbench.case import load_case
    from workbench.evaluation.elterngeld.engine import compute_elterngeld

    return compute_elterngeld(load_case(family.case_data(on))).total


def lohnsteuer_monthly(family: Family, on: date) -> Decimal:
    """Lohnsteuer and Soli per month on the employed parents' gross wage, PAP of ``on``'s year."""
    from workbench.rules.steuer.lohnsteuer import LohnsteuerInput, lohnsteuer

    total = Decimal(0)
    for parent in family.parents:
        income = parent["income"]
        if income.get("kind") != "employee":
            continue
        result = lohnsteuer(LohnsteuerInput(year=on.year, re4=Decimal(str(income["gross_monthly"])),
                                            stkl=int(income.get("tax_class", 1))))
        total += result.lstlzz + result.solzlzz
    return total


def mutterschaftsgeld_total(family: Family, on: date) -> Decimal:
    """Mutterschaftsgeld (Krankenkasse or BAS) of the first parent over the protection period, due and born on ``on``."""
    from workbench.rules.mutterschutz import mutterschaftsgeld, schutzfristen

    income = family.parents[0]["income"]
    kind = income.get("kind")
    if kind not in ("employee", "minijob"):
        return Decimal(0)
    pay = [Decimal(str(income["gross_monthly"]))] * 3
    if kind == "employee":
        return mutterschaftsgeld(schutzfristen(on), "employee", "statutory_member", pay).kasse_gesamt
    return mutterschaftsgeld(schutzfristen(on), "minijob", "family_insured", pay).bas_gesamt


EVALUATORS: dict[str, Callable[[Family, date], Decimal]] = {
    "elterngeld": elterngeld_total,
    "steuer": lohnsteuer_monthly,
    "mutterschutz": mutterschaftsgeld_total,
    "kinderzuschlag": families_kizwg.kinderzuschlag_monthly,
    "wohngeld": families_kizwg.wohngeld_monthly,
    "leistungen": families_leistungen.kindergeld_und_uvg_monthly,
    "grundsicherung": families_kizwg.sgb2_bedarf_monthly,
}

READS: dict[str, tuple[str, ...]] = {
    # the Kinderzuschlag measures the parents against their SGB II need (§ 6a Abs. 4 BKGG); Wohngeld
    # takes half of Regelbedarfsstufe 1 as the Grundrente allowance's cap (§ 17a WoGG). (The
    # Leistungscheck's evaluator, Kindergeld and UVG, reads no SGB II value.)
    "kinderzuschlag": ("grundsicherung",),
    "wohngeld": ("grundsicherung",),
}
"""Which other parameter folders an evaluated benefit reads."""


def evaluated_benefits() -> list[str]:
    """The benefits with a params.yaml and an evaluator, in file order."""
    return [b for b in parameter_files() if b in EVALUATORS]


def affected_benefits(changed: Iterable[str]) -> list[str]:
    """The evaluated benefits a change of the parameter folders ``changed`` can alter, in file order:
    those changed and those that read a changed folder (``READS``)."""
    changed = set(changed)
    return [b for b in evaluated_benefits() if b in changed or changed & set(READS.get(b, ()))]


def benefits_without_evaluator() -> list[str]:
    """Benefits with a params.yaml that "was ändert sich" cannot compute yet."""
    return [b for b in parameter_files() if b not in EVALUATORS]
