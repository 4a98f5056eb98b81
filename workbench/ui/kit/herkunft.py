"""Per child, in plain words: whose child it is and whether it was born with the child above (ADR 0032).

"Kind des Partners / angenommen / in Pflege?" writes ``children[].parents`` and ``children[].placement``;
"Zwilling/Mehrling des Kindes darüber" writes the shared ``birth`` (ADR 0027). Neither has a case path of its own
(``RELATION``, ``TWIN``), so a step reads and writes them here; the day of taking in is the real field
``placement.date`` and is validated by the case model like on the command line.
"""

from __future__ import annotations

from typing import Any

from workbench.case.births import BIRTH_FACTS

RELATION = "relation"
TWIN = "twin_of_previous"
PLACED = ("adoption", "adoption_care", "foster_care", "relatives")
RELATION_OPTIONS = [("ui.kind.rel_both", "both"), ("ui.kind.rel_first", "first"), ("ui.kind.rel_second", "second"),
                    ("ui.kind.rel_adoption", "adoption"), ("ui.kind.rel_adoption_care", "adoption_care"),
                    ("ui.kind.rel_foster_care", "foster_care"), ("ui.kind.rel_relatives", "relatives")]
RELATIVES_ONLY = ("reason", "degree", "relatives")
"""The placement's facts that belong to relatives caring in the parents' stead (§ 1 Abs. 4 BEEG) only."""


def parent_ids_of(data: dict[str, Any]) -> list[str]:
    """The ids of the case's parents, in order (the wizard's ``A``, ``B``)."""
    household = data.get("household")
    parents = household.get("parents", []) if isinstance(household, dict) else []
    return [str(p["id"]) for p in parents if isinstance(p, dict) and p.get("id")]


def relation_of(child: dict[str, Any], parent_ids: list[str]) -> str:
    """The answer that describes ``child``: ``both`` unless ``placement`` or ``parents`` say otherwise."""
    placement = child.get("placement")
    if isinstance(placement, dict) and placement.get("kind") in PLACED:
        return str(placement["kind"])
    parents = child.get("parents")
    if isinstance(parents, list) and len(parents) == 1 and parents[0] in parent_ids[:2]:
        return "first" if parents[0] == parent_ids[0] else "second"
    return "both"


def write_relation(child: dict[str, Any], relation: str, parent_ids: list[str]) -> None:
    """``parents``/``placement`` of ``child`` as the answer says (the placement's date is the step's field).

    Adopted: the household's parents are its parents (no ``parents`` key); Adoptions- and Vollzeitpflege and relatives
    caring in the parents' stead (§ 1 Abs. 4 BEEG): none of them is a legal parent (``parents: []``); a step-child
    names its one parent.
    """
    if relation in PLACED:
        placement = child.setdefault("placement", {})
        placement["kind"] = relation
        if relation != "relatives":
            for fact in RELATIVES_ONLY:
                placement.pop(fact, None)
        if relation == "adoption":
            child.pop("parents", None)
        else:
            child["parents"] = []  # Pflege, Adoptionspflege, relatives: the legal parents live elsewhere
        return
    child.pop("placement", None)
    if relation == "first" and parent_ids:
        child["parents"] = [parent_ids[0]]
    elif relation == "second" and len(parent_ids) > 1:
        child["parents"] = [parent_ids[1]]
    else:
        child.pop("parents", None)


def twin_flags(children: list[dict[str, Any]]) -> list[bool]:
    """For each child: born together with the child listed just before it (the same ``birth``)."""
    return [i > 0 and bool(c.get("birth")) and c.get("birth") == children[i - 1].get("birth")
            for i, c in enumerate(children)]


def births_adjacent(children: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The children with those of one birth next to each other, at the place of the first of them."""
    out: list[dict[str, Any]] = []
    for child in children:
        if any(child is c for c in out):
            continue
        out.append(child)
        key = child.get("birth")
        if key:
            out += [c for c in children if c is not child and c.get("birth") == key and not any(c is o for o in out)]
    return out


def link_twins(children: list[dict[str, Any]], flags: list[bool]) -> None:
    """Write the ``birth`` links the ticks say: a ticked child joins the birth of the child above (and takes its
    day, due date and weeks early); an unticked one leaves it; a birth left with one child loses the key."""
    for i, child in enumerate(children):
        if i > 0 and flags[i]:
            above = children[i - 1]
            key = above.get("birth") or above.get("id")
            above["birth"] = child["birth"] = key
            for fact in BIRTH_FACTS:
                if fact in above:
                    child[fact] = above[fact]
                else:
                    child.pop(fact, None)
        elif i + 1 < len(children) and flags[i + 1]:  # first of a birth: the ticked child below joins it
            if i > 0 and child.get("birth") and child.get("birth") == children[i - 1].get("birth"):
                child["birth"] = child.get("id")  # it left the birth above
        else:
            child.pop("birth", None)
    for child in children:  # a birth of one child is no multiple birth
        key = child.get("birth")
        if key and sum(1 for c in children if c.get("birth") == key) < 2:
            child.pop("birth", None)
