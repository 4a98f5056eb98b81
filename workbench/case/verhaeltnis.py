"""Whose child a child is: legal parents in the household and how the child came into it (ADR 0032).

Format 3 first assumed that every parent of the household is a parent of every child. The law does not:

- a **step-child** is the child of one partner only (``parents: ["A"]``). Kindergeld goes by the
  Obhutsprinzip to a parent or step-parent in whose household it lives (§ 63 Abs. 1 Satz 1 Nr. 2,
  § 64 Abs. 2 EStG); Elterngeld gets the step-parent only when married to the parent
  (§ 1 Abs. 3 Satz 1 Nr. 2 BEEG);
- a child **taken in** (``placement``) counts its Elterngeld Lebensmonate from the day it was taken in
  when it was adopted or taken in with the aim of adoption (§ 1 Abs. 3 Satz 2, § 4 Abs. 1 Satz 3 BEEG);
  a foster child in Vollzeitpflege brings Kindergeld (§ 32 Abs. 1 Nr. 2 EStG) but no Elterngeld.

Both fields are optional and default to what format 3 assumed (every parent of the household is a parent,
the child was born into the household), so no file changes meaning and the format stays ``workbench-case/3``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

from pydantic import Field

from workbench.case.fields import CaseModel as _Model
from workbench.case.fields import IsoDate
from workbench.case.messages import problem

if TYPE_CHECKING:
    from workbench.case.model import Child, Household

PlacementKind = Literal["adoption", "adoption_care", "foster_care"]
"""``adoption``: adopted (Annahme als Kind, §§ 1741 ff. BGB); ``adoption_care``: taken in with the aim of
adoption (Adoptionspflege, § 1744 BGB), not yet adopted; ``foster_care``: Vollzeitpflege (§ 33 SGB VIII)."""

ADOPTIVE: tuple[PlacementKind, ...] = ("adoption", "adoption_care")
"""The placements for which the BEEG puts the day the child was taken in in place of the birth (§ 1 Abs. 3 Satz 2)."""


class Placement(_Model, title="Aufnahme des Kindes"):
    """How and when a child who was not born into the household was taken into it."""

    kind: PlacementKind = Field(description="adoption (angenommen), adoption_care (Adoptionspflege), "
                                            "foster_care (Vollzeitpflege)")
    date: IsoDate = Field(description="Tag der Aufnahme in den Haushalt")


def legal_parents(household: "Household", child: "Child") -> list[str]:
    """The ids of the household's parents whose child ``child`` is (all of them unless ``parents`` says so)."""
    if child.parents is None:
        return [p.id for p in household.parents]
    return list(child.parents)


def check_relations(parent_ids: Sequence[str], children: Sequence["Child"]) -> None:
    """Each child's ``parents`` name parents of the household, once each; a placement comes after the birth
    of a child already born (an expected child cannot have been taken in yet)."""
    for index, child in enumerate(children):
        for number, pid in enumerate(child.parents or []):
            if pid not in parent_ids:
                raise problem("unknown_parent", at=f"children[{index}].parents[{number}]", id=pid,
                              known=", ".join(parent_ids))
            if pid in (child.parents or [])[:number]:
                raise problem("duplicate_id", at=f"children[{index}].parents[{number}]", id=pid)
        placement = child.placement
        if placement is None:
            continue
        if child.expected:
            raise problem("placement_expected", at=f"children[{index}].placement")
        if placement.date < child.birth_date:
            raise problem("placement_before_birth", at=f"children[{index}].placement.date",
                          birth=child.birth_date.isoformat())


__all__ = ["ADOPTIVE", "Placement", "PlacementKind", "check_relations", "legal_parents"]
