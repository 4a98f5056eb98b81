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

from pydantic import Field, model_validator

from workbench.case.fields import CaseModel as _Model
from workbench.case.fields import Identifier, IsoDate
from workbench.case.messages import problem

if TYPE_CHECKING:
    from workbench.case.model import Child, Household

PlacementKind = Literal["adoption", "adoption_care", "foster_care", "relatives"]
"""``adoption``: adopted (Annahme als Kind, §§ 1741 ff. BGB); ``adoption_care``: taken in with the aim of
adoption (Adoptionspflege, § 1744 BGB), not yet adopted; ``foster_care``: Vollzeitpflege (§ 33 SGB VIII);
``relatives``: relatives care for the child because its parents cannot (severe illness, severe disability or
death of the parents, § 1 Abs. 4 BEEG) – with ``reason``, ``degree`` and ``relatives``."""

ParentsAbsent = Literal["illness", "disability", "death"]
"""Why the parents cannot care for the child (§ 1 Abs. 4 BEEG names exactly these): schwere Krankheit,
Schwerbehinderung, Tod der Eltern."""

ADOPTIVE: tuple[PlacementKind, ...] = ("adoption", "adoption_care")
"""The placements for which the BEEG puts the day the child was taken in in place of the birth (§ 1 Abs. 3 Satz 2)."""


class Placement(_Model, title="Aufnahme des Kindes"):
    """How and when a child who was not born into the household was taken into it."""

    kind: PlacementKind = Field(description="adoption (angenommen), adoption_care (Adoptionspflege), "
                                            "foster_care (Vollzeitpflege), relatives (Verwandte betreuen, § 1 Abs. 4 BEEG)")
    date: IsoDate = Field(description="Tag der Aufnahme in den Haushalt")
    reason: ParentsAbsent | None = Field(
        default=None, description="Nur bei relatives: warum die Eltern das Kind nicht betreuen können – illness (schwere "
                                  "Krankheit), disability (Schwerbehinderung), death (Tod der Eltern)")
    degree: int | None = Field(
        default=None, ge=1, le=9, description="Nur bei relatives: Grad der Verwandtschaft mit dem Kind (Großeltern 2, "
                                              "Geschwister 2, Tante/Onkel 3, Urgroßeltern 3, Großtante 4)")
    relatives: list[Identifier] | None = Field(
        default=None, max_length=2, description="Nur bei relatives: Kennungen der verwandten Elternteile im Haushalt "
                                                "(leer: alle); ein Ehegatte der verwandten Person ist ebenfalls berechtigt")

    @model_validator(mode="after")
    def _relatives_facts(self) -> "Placement":
        """``reason`` and ``degree`` belong to a placement with relatives, and it needs both."""
        relatives = self.kind == "relatives"
        for name in ("reason", "degree", "relatives"):
            if not relatives and getattr(self, name) is not None:
                raise problem("placement_relatives_only", at=name)
        for name in ("reason", "degree"):
            if relatives and getattr(self, name) is None:
                raise problem("placement_relatives_missing", at=name)
        return self


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
        for number, pid in enumerate(placement.relatives or []):
            if pid not in parent_ids:
                raise problem("unknown_parent", at=f"children[{index}].placement.relatives[{number}]", id=pid,
                              known=", ".join(parent_ids))


__all__ = ["ADOPTIVE", "ParentsAbsent", "Placement", "PlacementKind", "check_relations", "legal_parents"]
