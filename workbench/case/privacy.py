"""Anonymous consultations: a case that computes without anything that names the family (docs/datenschutz.md).

``"anonymous": true`` in a case means: no parent's name or birth date, no personal data for the
forms (names, Steuer-ID, IBAN, address), no municipality, no first names in the care and Vorsorge
parts and no notes. Nothing of the rules needs them: Elterngeld, the optimizer and the handout work with the
parents' ids (the handout then says "Elternteil A/B"). A complete anonymous case holding one of
these fields is refused with a message at the field; the case store removes them from anonymous
drafts before anything is written (:func:`strip_identifying`), so they never reach the disk.
What stays: the case id (choose a neutral one, never a name), incomes, dates of the children.
"""

from __future__ import annotations

import copy
from typing import Any

__all__ = ["IDENTIFYING_PARENT_FIELDS", "identifying_paths", "strip_identifying"]

IDENTIFYING_PARENT_FIELDS = ("name", "birth_date", "personal")
"""Fields of ``household.parents[]`` that an anonymous case leaves empty (``personal``: the forms' data)."""
IDENTIFYING_CHILD_FIELDS = ("personal",)
"""Fields of ``household.children[]`` that an anonymous case leaves empty (names, Steuer-ID, place of birth)."""
IDENTIFYING_HOUSEHOLD_FIELDS = ("municipality", "address", "other_parent")
IDENTIFYING_NAMES = (("care", "recipient", "name"), ("vorsorge", "person"), ("zuzug", "from_place"))
"""First names the care and Vorsorge wizards may hold; the town a family moved from (like the Wohnort)."""


KINDERGELD_NUMBER = ("receives", "kindergeld", "number")
"""The Kindergeldnummer names the family's file at the Familienkasse: not in an anonymous case (ADR 0027)."""
KINDERGELD_NUMBERS = (KINDERGELD_NUMBER, ("receives", "kindergeld_applied", "number"))
"""Both places a child's Kindergeldnummer can stand: the running Kindergeld and the one applied for or received."""


def identifying_paths(data: dict[str, Any]) -> list[str]:
    """The paths of identifying fields that are filled in ``data`` (a case or a draft, as JSON)."""
    found: list[str] = []
    household = data.get("household")
    if isinstance(household, dict):
        found += [f"household.{field}" for field in IDENTIFYING_HOUSEHOLD_FIELDS
                  if household.get(field) not in (None, "")]
        for key, fields in (("parents", IDENTIFYING_PARENT_FIELDS), ("children", IDENTIFYING_CHILD_FIELDS)):
            members = household.get(key)
            for index, member in enumerate(members if isinstance(members, list) else []):
                if isinstance(member, dict):
                    found += [f"household.{key}[{index}].{field}" for field in fields
                              if member.get(field) not in (None, "")]
                    for number in KINDERGELD_NUMBERS if key == "children" else ():
                        if _at(member, number) not in (None, ""):
                            found.append(f"household.children[{index}]." + ".".join(number))
    for path in IDENTIFYING_NAMES:
        if _at(data, path) not in (None, ""):
            found.append(".".join(path))
    if data.get("notes") not in (None, ""):
        found.append("notes")
    return found


def _at(data: dict[str, Any], path: tuple[str, ...]) -> Any:
    node: Any = data
    for key in path:
        if not isinstance(node, dict):
            return None
        node = node.get(key)
    return node


def strip_identifying(data: dict[str, Any]) -> dict[str, Any]:
    """A copy of an anonymous case or draft without its identifying fields (others returned as they are)."""
    if data.get("anonymous") is not True:
        return data
    out = copy.deepcopy(data)
    household = out.get("household")
    if isinstance(household, dict):
        for field in IDENTIFYING_HOUSEHOLD_FIELDS:
            household.pop(field, None)
        for key, fields in (("parents", IDENTIFYING_PARENT_FIELDS), ("children", IDENTIFYING_CHILD_FIELDS)):
            members = household.get(key)
            for member in members if isinstance(members, list) else []:
                if isinstance(member, dict):
                    for field in fields:
                        member.pop(field, None)
                    for number in KINDERGELD_NUMBERS if key == "children" else ():
                        holder = _at(member, number[:-1])
                        if isinstance(holder, dict):
                            holder.pop(number[-1], None)
    for *parents, last in IDENTIFYING_NAMES:
        holder = _at(out, tuple(parents))
        if isinstance(holder, dict):
            holder.pop(last, None)
    out.pop("notes", None)
    return out
