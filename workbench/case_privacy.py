"""Anonymous consultations: a case that computes without anything that names the family (docs/datenschutz.md).

``"anonymous": true`` in a case means: no parent's name or birth date, no municipality and no
notes. Nothing of the rules needs them: Elterngeld, the optimizer and the handout work with the
parents' ids (the handout then says "Elternteil A/B"). A complete anonymous case holding one of
these fields is refused with a message at the field; the case store removes them from anonymous
drafts before anything is written (:func:`strip_identifying`), so they never reach the disk.
What stays: the case id (choose a neutral one, never a name), incomes, dates of the children.
"""

from __future__ import annotations

import copy
from typing import Any

__all__ = ["IDENTIFYING_PARENT_FIELDS", "identifying_paths", "strip_identifying"]

IDENTIFYING_PARENT_FIELDS = ("name", "birth_date")
"""Fields of ``household.parents[]`` that an anonymous case leaves empty."""


def identifying_paths(data: dict[str, Any]) -> list[str]:
    """The paths of identifying fields that are filled in ``data`` (a case or a draft, as JSON)."""
    found: list[str] = []
    household = data.get("household")
    if isinstance(household, dict):
        if household.get("municipality") not in (None, ""):
            found.append("household.municipality")
        parents = household.get("parents")
        for index, parent in enumerate(parents if isinstance(parents, list) else []):
            if isinstance(parent, dict):
                found += [f"household.parents[{index}].{field}" for field in IDENTIFYING_PARENT_FIELDS
                          if parent.get(field) not in (None, "")]
    if data.get("notes") not in (None, ""):
        found.append("notes")
    return found


def strip_identifying(data: dict[str, Any]) -> dict[str, Any]:
    """A copy of an anonymous case or draft without its identifying fields (others returned as they are)."""
    if data.get("anonymous") is not True:
        return data
    out = copy.deepcopy(data)
    household = out.get("household")
    if isinstance(household, dict):
        household.pop("municipality", None)
        parents = household.get("parents")
        for parent in parents if isinstance(parents, list) else []:
            if isinstance(parent, dict):
                for field in IDENTIFYING_PARENT_FIELDS:
                    parent.pop(field, None)
    out.pop("notes", None)
    return out
