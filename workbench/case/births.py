"""Births: which children of the household were born together, and the migration from ``count``.

Since ``workbench-case/3`` every child is its own entry of ``household.children`` (own first name,
sex, Steuer-ID, situation, Kindergeld), because every benefit but Elterngeld counts children one by
one (Kindergeld and Kinderfreibetrag per child, § 66 EStG, § 32 Abs. 6 EStG; the household size of
KiZ and Wohngeld; one Anlage Kind per child). The children of one multiple birth share a ``birth``
identifier (ADR 0027); a child without it is a birth of its own. The law counts per birth where it
says so: one Elterngeld claim per birth with the Mehrlingszuschlag per further child (§ 1 Abs. 1
Satz 2, § 2a Abs. 4 BEEG) and 12 instead of 8 weeks of Mutterschutz after a multiple birth
(§ 3 Abs. 2 Satz 2 Nr. 2 MuSchG).

``workbench-case/1`` and ``/2`` said ``count: N`` on one entry; :func:`split_counts` writes the N
children instead (the first keeps the id, its personal data and everything else; the further ones
get new ids and the same facts of the birth), so an old file gives the same Elterngeld as before.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import Any, Protocol

from workbench.case.fields import ID_MAX_LENGTH
from workbench.case.messages import problem

MAX_PER_BIRTH = 8
"""The most children of one birth a case may hold (the old ``count`` allowed 1 to 8)."""
BIRTH_FACTS = ("birth_date", "expected", "weeks_early")
"""What the children of one birth have in common: the day (or due date) and how early it came."""


class _Entry(Protocol):
    id: str
    birth: str | None


def birth_of(children: Sequence[_Entry], child: _Entry) -> list[Any]:
    """The children born with ``child`` (``child`` included, in the household's order)."""
    if child.birth is None:
        return [child]
    return [c for c in children if c.birth == child.birth]


def further_id(existing: set[str], first: str, number: int) -> str:
    """A new unique child id for the ``number``-th child of the birth whose first child is ``first``.

    ``K1`` → ``K1-2``, ``K1-3``; cut to the 10 characters an id may have and made unique by a suffix.
    """
    suffix = f"-{number}"
    candidate = first[: ID_MAX_LENGTH - len(suffix)] + suffix
    extra = 0
    while candidate in existing:
        extra += 1
        tail = f"-{number}{chr(ord('a') + extra - 1)}"
        candidate = first[: ID_MAX_LENGTH - len(tail)] + tail
    return candidate


def split_counts(data: dict[str, Any]) -> dict[str, Any]:
    """``household.children[]`` of a ``/1`` or ``/2`` file with every ``count: N`` written as N children.

    A count of 1 (or none) only loses the key. For N > 1 the entry stays (id, personal data, plan and
    Kita references keep pointing at it) and gains ``birth`` = its id; N − 1 copies follow it with ids
    from :func:`further_id`, the same birth and the same facts but without ``personal`` (a twin's name
    and Steuer-ID are its own). Anything that is not a list of dicts is left for validation to report.
    """
    out = copy.deepcopy(data)
    household = out.get("household")
    if not isinstance(household, dict) or not isinstance(household.get("children"), list):
        return out
    children = household["children"]
    existing = {c["id"] for c in children if isinstance(c, dict) and isinstance(c.get("id"), str)}
    written: list[Any] = []
    for child in children:
        if not isinstance(child, dict) or "count" not in child:
            written.append(child)
            continue
        count = child.pop("count")
        written.append(child)
        if not isinstance(count, int) or isinstance(count, bool) or not 1 <= count <= MAX_PER_BIRTH:
            child["count"] = count  # not a number of children: validation names the key
            continue
        if count == 1 or not isinstance(child.get("id"), str):
            continue
        child.setdefault("birth", child["id"])
        for number in range(2, count + 1):
            twin = {k: copy.deepcopy(v) for k, v in child.items() if k not in ("id", "personal")}
            twin["id"] = further_id(existing, child["id"], number)
            existing.add(twin["id"])
            written.append(twin)
    household["children"] = written
    return out


def check_births(children: Sequence[Any]) -> None:
    """The children sharing a ``birth`` were born on one day: the same date, expected or not, weeks early.

    Raises the case problem ``birth_differs`` (or ``birth_too_many`` above 8 children) at the first
    child that differs from the first child of its birth.
    """
    first: dict[str, tuple[int, Any]] = {}
    sizes: dict[str, int] = {}
    for index, child in enumerate(children):
        if child.birth is None:
            continue
        sizes[child.birth] = sizes.get(child.birth, 0) + 1
        if sizes[child.birth] > MAX_PER_BIRTH:
            raise problem("birth_too_many", at=f"children[{index}].birth", max=MAX_PER_BIRTH)
        if child.birth not in first:
            first[child.birth] = (index, child)
            continue
        other_index, other = first[child.birth]
        for fact in BIRTH_FACTS:
            if getattr(child, fact) != getattr(other, fact):
                raise problem("birth_differs", at=f"children[{index}].{fact}", birth=child.birth, other=other.id)


def resize_birth(children: list[dict[str, Any]], child_id: str, size: int) -> list[dict[str, Any]]:
    """Case-format children with the birth of ``child_id`` holding exactly ``size`` children.

    What a wizard's "Zwillinge/Mehrlinge?" answer writes: the named child stays first of its birth,
    the others of the birth follow at the end of the list (kept as far as they go, so their names and
    Steuer-IDs survive, else new with :func:`further_id` ids) and take the named child's birth facts.
    ``size`` 1 removes the other children of the birth and the ``birth`` key. A new list; the dicts of
    the children kept are the same objects.
    """
    size = max(1, min(size, MAX_PER_BIRTH))
    first = next((c for c in children if c.get("id") == child_id), None)
    if first is None:
        return list(children)
    key = first.get("birth")
    others = [c for c in children if c is not first and key is not None and c.get("birth") == key]
    rest = [c for c in children if c is not first and not any(c is o for o in others)]
    if size == 1:
        first.pop("birth", None)
        return _keep_place(children, first, rest)
    first["birth"] = key or child_id
    existing = {c["id"] for c in children if isinstance(c.get("id"), str)}
    twins = others[: size - 1]
    for number in range(len(twins) + 2, size + 1):
        new_id = further_id(existing, child_id, number)
        existing.add(new_id)
        twins.append({"id": new_id})
    for twin in twins:
        twin["birth"] = first["birth"]
        for fact in BIRTH_FACTS:
            if fact in first:
                twin[fact] = first[fact]
    return [*_keep_place(children, first, rest), *twins]


def _keep_place(children: list[dict[str, Any]], first: dict[str, Any], rest: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``first`` and ``rest`` in the order they had in ``children``."""
    return [c for c in children if c is first or any(c is r for r in rest)]


def birth_size_in(children: list[dict[str, Any]], child_id: str) -> int:
    """How many case-format children were born with ``child_id`` (itself included; 1 if it is not there)."""
    first = next((c for c in children if isinstance(c, dict) and c.get("id") == child_id), None)
    if first is None or first.get("birth") is None:
        return 1
    return sum(1 for c in children if isinstance(c, dict) and c.get("birth") == first["birth"])
