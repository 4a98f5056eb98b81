"""The advisor's own alternative Elterngeld plans: ``elterngeld_alternatives`` of ``workbench-case/1``.

An optional list (default empty, so older files load unchanged) of named plans the advisor built
with the family, e.g. in the comparison view (``notebooks/vergleich.ipynb``)::

    "elterngeld_alternatives": [
      {"name": "Tom länger zu Hause", "months": {"A": "BBBBBBBBB", "B": "---------BBBBB"}}
    ]

- ``name``: what the family calls the plan, 1–60 characters, unique within the case.
- ``months``: exactly like ``elterngeld_plan.months`` (one character per Lebensmonat, ``B``, ``P``,
  ``+``, ``-``, or the words ``basis``/``plus``/``bonus``/``none``); every parent id must exist.

The plans are computed with the child of ``elterngeld_plan`` (or the youngest child) and the same
household; they need not be legal – the comparison shows a broken rule with its message.
At most :data:`MAX_ALTERNATIVES` plans.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator, Field, WithJsonSchema

from workbench.case.fields import Identifier, PlanMonths
from workbench.case.fields import CaseModel as _Model
from workbench.case.messages import json_path, problem

MAX_ALTERNATIVES = 12
NAME_MAX_LENGTH = 60


def _plan_name(value: Any) -> str:
    if not isinstance(value, str):
        raise problem("wrong_type", expected="string")
    if not value.strip():
        raise problem("empty")
    if len(value.strip()) > NAME_MAX_LENGTH:
        raise problem("plan_name_too_long", max=NAME_MAX_LENGTH, length=len(value.strip()))
    return value.strip()


PlanName = Annotated[str, BeforeValidator(_plan_name),
                     WithJsonSchema({"type": "string", "minLength": 1, "maxLength": NAME_MAX_LENGTH})]


class AlternativePlan(_Model, title="Eigener Plan"):
    """A named plan of the advisor and the family (``elterngeld_alternatives[]``)."""

    name: PlanName = Field(description="Name des Plans, z. B. „Tom länger zu Hause“")
    months: dict[Identifier, PlanMonths] = Field(description="Monate je Elternteil wie in elterngeld_plan.months")


def check_alternatives(plans: list[AlternativePlan], parent_ids: list[str]) -> None:
    """Raise the first problem: a name used twice, or a parent id that is not in the household."""
    names: list[str] = []
    for index, plan in enumerate(plans):
        if plan.name.casefold() in names:
            raise problem("plan_name_twice", at=f"elterngeld_alternatives[{index}].name", name=plan.name)
        names.append(plan.name.casefold())
        for pid in plan.months:
            if pid not in parent_ids:
                raise problem("unknown_parent", at=json_path(("elterngeld_alternatives", index, "months", pid)), id=pid,
                              known=", ".join(parent_ids))
