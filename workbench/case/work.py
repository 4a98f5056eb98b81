"""The family's work wishes per parent: ``elterngeld_plan.constraints.work`` (case-format.md, "Work wishes").

A wish says when a parent could be back at full time and at how many hours the parent would work
part-time while receiving Elterngeld. The household model (``evaluation/elterngeld/arbeit.py``) reads
it month by month from the kind of Elterngeld the plan gives the parent; the optimizer chooses the
months, so it chooses the work pattern within the wish. Without a wish a parent's work is the case's
``income_after_birth`` and full-time pay in every month without Elterngeld.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from workbench.case.fields import Hours, Lebensmonat, Money
from workbench.case.fields import CaseModel as _Model
from workbench.case.messages import problem

HOURS_WITH_ELTERNGELD = 32
"""§ 1 Abs. 6 BEEG: Elterngeld only with at most 32 hours a week (the rules' parameter
``wochenstunden_hoechstgrenze``; the case refuses a part-time wish above it at once)."""

During = Literal["plus_bonus", "elterngeld"]


class PartTimeWish(_Model, title="Teilzeit während des Elterngelds"):
    """Part-time work while receiving Elterngeld: hours, gross pay, and in which months."""

    hours_per_week: Hours = Field(description="Wochenstunden (höchstens 32, § 1 Abs. 6 BEEG; Partnerschaftsbonus 24–32, § 4b)")
    gross_monthly: Money = Field(description="Bruttolohn im Monat bei dieser Teilzeit")
    during: During = Field(default="plus_bonus",
                           description="plus_bonus: in Monaten mit ElterngeldPlus/Partnerschaftsbonus; elterngeld: in jedem Elterngeldmonat")

    @model_validator(mode="after")
    def _hours(self) -> PartTimeWish:
        if self.hours_per_week > HOURS_WITH_ELTERNGELD:
            raise problem("part_time_hours", at="hours_per_week", max=HOURS_WITH_ELTERNGELD)
        return self


class WorkWish(_Model, title="Arbeitswunsch"):
    """When a parent could work full time again, and part-time work while receiving Elterngeld."""

    full_time_from: Lebensmonat | None = Field(
        default=1, description="Ab diesem Lebensmonat Vollzeit, wenn kein Elterngeld (null: bleibt zu Hause)")
    full_time_net: Money | None = Field(
        default=None, description="Nettolohn im Monat bei Vollzeit nach der Rückkehr (leer: das Netto vor der Geburt)")
    part_time: PartTimeWish | None = Field(default=None, description="Teilzeit während des Elterngelds")
