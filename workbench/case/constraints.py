"""What the advisor fixes for the optimizer: ``elterngeld_plan.constraints`` of ``workbench-case/1``.

Every field is optional; an empty object means "search all legal plans".

- ``at_home``: Lebensmonate in which a parent receives Elterngeld (any kind).
- ``at_work``: Lebensmonate in which a parent receives no Elterngeld (back at work).
- ``fixed``: one character per Lebensmonat as in ``months`` (``B``, ``P``, ``+``, ``-``) with
  ``.`` for a month the optimizer may choose; trailing months may be left out.
- ``return_to_work``: earliest / latest return of a parent, the first Lebensmonat after the
  parent's last month with Elterngeld (no Elterngeld at all: month 1).
- ``min_months`` / ``max_months``: months with Elterngeld per parent (Mutterschutz months count).
- ``min_household_income``: in every Lebensmonat in which a parent receives Elterngeld, the
  household gets at least this much (Elterngeld plus the net income of part-time work).
- ``both_at_home_month_1``: both parents receive Elterngeld in Lebensmonat 1.

- ``objective``: what "Beste Aufteilung finden" in the comparison ranks by: ``household_income``
  (default: Elterngeld, Mutterschaftsleistungen and pay from work) or ``elterngeld``.
- ``work``: the family's work wishes per parent (:mod:`workbench.case.work`): full time from a
  Lebensmonat, part-time hours and pay while receiving Elterngeld. A parent without a wish works as
  ``parents[].income_after_birth`` says, and full time in months without Elterngeld.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, WithJsonSchema, model_validator

from workbench.case.fields import LEBENSMONATE, Identifier, Lebensmonat, Money, MonthCount
from workbench.case.fields import CaseModel as _Model
from workbench.case.messages import json_path, problem
from workbench.case.work import WorkWish

FIXED_FREE = "."


def _fixed_months(value: Any) -> str:
    if not isinstance(value, str):
        raise problem("wrong_type", expected="string")
    for index, char in enumerate(value):
        if char not in "BP+-" + FIXED_FREE:
            raise problem("fixed_char", char=char, month=index + 1)
    if len(value) > LEBENSMONATE:
        raise problem("plan_too_long", max=LEBENSMONATE, length=len(value))
    return value


FixedMonths = Annotated[str, BeforeValidator(_fixed_months),
                        WithJsonSchema({"type": "string", "pattern": r"^[BP+\-.]{0,32}$",
                                        "description": "B, P, +, - fest; . frei wählbar"})]


class ReturnToWork(_Model, title="Rückkehr in den Beruf"):
    """Earliest and latest first Lebensmonat after a parent's last month with Elterngeld."""

    earliest: Lebensmonat | None = Field(default=None, description="Frühestens in diesem Lebensmonat zurück")
    latest: Lebensmonat | None = Field(default=None, description="Spätestens in diesem Lebensmonat zurück")

    @model_validator(mode="after")
    def _ordered(self) -> ReturnToWork:
        if self.earliest is not None and self.latest is not None and self.latest < self.earliest:
            raise problem("month_order", at="latest", from_month=self.earliest)
        return self


class PlanConstraints(_Model, title="Vorgaben für die Optimierung"):
    """What the advisor fixes for the optimizer (case-format.md, ``elterngeld_plan.constraints``)."""

    at_home: dict[Identifier, list[Lebensmonat]] = Field(
        default_factory=dict, description="Lebensmonate, in denen ein Elternteil Elterngeld bezieht")
    at_work: dict[Identifier, list[Lebensmonat]] = Field(
        default_factory=dict, description="Lebensmonate, in denen ein Elternteil kein Elterngeld bezieht")
    fixed: dict[Identifier, FixedMonths] = Field(
        default_factory=dict, description="Feste Monate je Elternteil (B, P, +, -; . frei)")
    return_to_work: dict[Identifier, ReturnToWork] = Field(
        default_factory=dict, description="Frühester und spätester Wiedereinstieg je Elternteil")
    min_household_income: Money | None = Field(default=None, description="Mindesteinkommen des Haushalts im Monat")
    min_months: dict[Identifier, MonthCount] = Field(
        default_factory=dict, description="Mindestzahl der Monate mit Elterngeld je Elternteil")
    max_months: dict[Identifier, MonthCount] = Field(
        default_factory=dict, description="Höchstzahl der Monate mit Elterngeld je Elternteil")
    both_at_home_month_1: bool = Field(default=False, description="Beide Eltern beziehen im 1. Lebensmonat Elterngeld")
    objective: Literal["household_income", "elterngeld"] | None = Field(
        default=None, description="Ziel der Suche im Vergleich: Geld des Haushalts (Standard) oder nur Elterngeld")
    work: dict[Identifier, WorkWish] = Field(
        default_factory=dict, description="Arbeitswünsche je Elternteil (Vollzeit ab, Teilzeit während des Elterngelds)")

    @model_validator(mode="after")
    def _consistent(self) -> PlanConstraints:
        for pid, months in self.at_work.items():
            for index, month in enumerate(months):
                if month in self.at_home.get(pid, []):
                    raise problem("constraint_conflict", at=json_path(("at_work", pid, index)), month=month)
        for pid, low in self.min_months.items():
            if pid in self.max_months and low > self.max_months[pid]:
                raise problem("min_above_max", at=json_path(("min_months", pid)), max=self.max_months[pid])
        return self

    def parent_ids(self) -> list[tuple[str, str]]:
        """(field, parent id) for every parent named in the constraints."""
        return [(field, pid) for field in ("at_home", "at_work", "fixed", "return_to_work", "min_months", "max_months",
                                         "work")
                for pid in getattr(self, field)]
