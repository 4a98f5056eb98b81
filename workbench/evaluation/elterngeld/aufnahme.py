"""The case's facts on whose child the plan's child is, handed to the Elterngeld rules (ADR 0032).

:mod:`workbench.rules.elterngeld.berechtigung` holds the law; this module reads the case: which parents are
the child's legal parents (``children[].parents``), how it was taken in (``children[].placement``), whether
the household is married (a registered civil partnership counts the same, ``household.married``), and the
Elterngeld the parents received for older children (``children[].receives.elterngeld``).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from workbench.case.verhaeltnis import legal_parents
from workbench.rules.elterngeld.bemessung import Month, monate_mit_elterngeld
from workbench.rules.elterngeld.berechtigung import (
    Berechtigung, Beziehung, beziehung, bezugsbeginn, bezugsende, elterngeld_grundlage, naher_verwandter,
)
from workbench.rules.elterngeld.bemessung import bemessungszeitraum
from workbench.rules.elterngeld.betrag import Geschwisterkind
from workbench.rules.elterngeld.einkommen import bemessungsmonate
from workbench.rules.elterngeld.lebensmonate import lebensmonate
from workbench.rules.elterngeld.plan import LEBENSMONATE

if TYPE_CHECKING:
    from workbench.case import Case, Child, Parent

FIRST_14 = 14
"""§ 4 Abs. 1 Satz 2 BEEG: Elterngeld in the first 14 Lebensmonate; only these months are skipped (§ 2b)."""


def start(child: "Child") -> date:
    """The day the child's Lebensmonate count from: the birth, or the day an adopted child was taken in."""
    placement = child.placement
    return bezugsbeginn(child.birth_date, placement.kind if placement else None, placement.date if placement else None)


def plan_start(case: "Case") -> date:
    """:func:`start` of the plan's child."""
    return start(case.plan_child())


def relations(case: "Case", child: "Child | None" = None) -> dict[str, Beziehung]:
    """How each parent of the household stands to the child (default: the plan's child)."""
    child = child if child is not None else case.plan_child()
    own = legal_parents(case.household, child)
    placement = child.placement
    kind = placement.kind if placement else None
    degree = placement.degree if placement is not None else None
    near = degree is not None and naher_verwandter(degree, child.birth_date)
    related = (placement.relatives if placement is not None and placement.relatives is not None
               else [p.id for p in case.household.parents])
    return {p.id: beziehung(p.id in own, kind, case.household.married, near=near, related=p.id in related)
            for p in case.household.parents}


def als_geschwister(case: "Case", parent: "Parent", child: "Child") -> Geschwisterkind | None:
    """``child`` as it counts for ``parent``'s Geschwisterbonus, or None when it brings none: only a child for whom
    the parent meets § 1 Abs. 1 or 3 BEEG (an own, adopted or Adoptionspflege child, the spouse's child – not a
    foster child, not the partner's child without marriage); an adopted one with the day it was taken in (its age
    counts from then, § 2a Abs. 2). The forms' sibling tables ask the same (:mod:`workbench.forms.family`).

    Rechtsgrundlage: § 2a Abs. 1 Satz 2, Abs. 2 BEEG
    """
    if elterngeld_grundlage(relations(case, child)[parent.id]) is None:
        return None
    placement = child.placement
    taken_in = placement.date if placement is not None and placement.kind in ("adoption", "adoption_care") else None
    return Geschwisterkind(child.birth_date, child.disability, taken_in)


def geschwister(case: "Case", parent: "Parent") -> list[Geschwisterkind]:
    """The older children that count for ``parent``'s Geschwisterbonus (:func:`als_geschwister`).

    Rechtsgrundlage: § 2a Abs. 1 Satz 2, Abs. 2 BEEG
    """
    counted = (als_geschwister(case, parent, child) for child in case.older_children())
    return [kind for kind in counted if kind is not None]


def berechtigung(case: "Case") -> Berechtigung:
    """What the entitlement checks need for the plan's child."""
    child = case.plan_child()
    begin = start(child)
    return Berechtigung(
        relations=relations(case, child),
        names={p.id: p.name for p in case.household.parents if p.name},
        month_ends=tuple(lm.end for lm in lebensmonate(begin, LEBENSMONATE)),
        last_day=bezugsende(child.birth_date, child.placement.kind if child.placement else None),
    )


def elterngeld_vorher(case: "Case", parent: "Parent") -> frozenset[Month]:
    """The calendar months in which ``parent`` received Elterngeld for an older child in its first 14
    Lebensmonate, as the case records it (``receives.elterngeld``).

    Rechtsgrundlage: § 2b Abs. 1 Satz 2 Nr. 1 BEEG
    """
    plan_birth = {c.id for c in case.household.birth_of(case.plan_child())}
    spans: list[tuple[date, date]] = []
    for child in case.household.children:
        got = child.receives.elterngeld if child.receives is not None and child.receives.elterngeld else {}
        codes = got.get(parent.id, "")
        if child.id in plan_birth or not codes:
            continue
        months = lebensmonate(start(child), FIRST_14)
        spans += [(lm.start, lm.end) for lm, code in zip(months, codes) if code != "-"]
    return monate_mit_elterngeld(spans)


def bemessung_der_loehne(case: "Case", parent: "Parent") -> tuple[list[Month], bool, bool]:
    """The calendar months whose average wage the parent's Elterngeld rests on, whether months are skipped
    (Mutterschutz, Elterngeld for an older child), and whether the parent's application keeps them instead.

    Rechtsgrundlage: § 2b Abs. 1 Satz 1–3 BEEG
    """
    child = case.plan_child()
    ms = case.mutterschutz
    due = ms.due_date if ms is not None and ms.child == child.id else None
    begin = start(child)
    months, kept = bemessungsmonate(parent, child, due, start=begin, skip=elterngeld_vorher(case, parent))
    plain = bemessungszeitraum(begin)
    if kept:
        applied = parent.model_copy(update={"include_skipped_months": False})
        return months, bemessungsmonate(applied, child, due, start=begin,
                                        skip=elterngeld_vorher(case, parent))[0] != plain, True
    return months, months != plain, False
