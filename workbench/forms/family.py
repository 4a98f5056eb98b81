"""Who is where in the family, as the Elterngeld forms ask it: further children, siblings, who applies.

Computed sources of the field maps (:mod:`workbench.forms.sources`) that read the household rather than
one path of the case:

- ``=further_children.count`` / ``=further_children.any``: the other children living in the household
  besides the child (or children, with multiples) of this application — the federal form's 1.C "Weitere
  Kinder im Haushalt" ("keine" / "insgesamt … weitere Kinder"), the NRW "Anzahl der Geschwisterkinder";
- ``{sib1}`` … ``{sib3}`` (roles): the siblings relevant for the Geschwisterbonus (NRW 2.3/3.3 table:
  "alle für den Geschwisterbonus relevanten Kinder", § 2a Abs. 1 BEEG);
- ``=claimants``: ``both`` when the plan gives both parents months, ``self`` when only the applicant
  (federal 2.E "für beide Elternteile" / "nur für mich");
- ``=married_to_other``: ``married:yes``, ``married:no``, ``civil_partnership:yes`` … for "Mit dem anderen
  Elternteil?" after "verheiratet"/"verpartnert" (federal 2.G);
- ``=lives_in_germany``: the household's address has no other state (federal 2.C "dauerhafter Wohnsitz");
- ``=child_with_applicant``: the child lives with the applicant (2.C "Hat das Kind dieselbe Adresse wie Sie?");
- ``=relation.{parent}`` / ``=relation.{parent}.{sib1}``: whose child the child (or sibling) is, for KG 1 Anlage Kind 2
  "Kindschaftsverhältnis", federal 3.B/4 "Das Kind ist …" and NRW 2.1/3.1 (:func:`relation`);
- ``=kindergeld_before.answer`` (``yes``/``no``), ``.name``, ``.birth_date``, ``.period``, ``.familienkasse``,
  ``.number``: KG 1 Anlage Kind question 4, Kindergeld already applied for or received (:func:`kindergeld_before`).
"""

from __future__ import annotations

from collections.abc import Collection

from workbench.case import Case, Child
from workbench.case.bezug import KindergeldBezug
from workbench.case.verhaeltnis import legal_parents
from workbench.parameters import parameters
from workbench.evaluation.elterngeld.aufnahme import als_geschwister
from workbench.rules.elterngeld.betrag import alter_ab, geschwisterbonus_berechtigt
from workbench.rules.elterngeld.lebensmonate import is_younger_than

MAX_SIBLINGS = 3
"""Rows of the NRW sibling table (2.3 / 3.3)."""


def _lives_here(child: Child) -> bool:
    return child.situation is None or child.situation.lives_with_applicant


def further_children(case: Case, child: Child) -> list[Child]:
    """The born children living in the household other than ``child`` and the children of its birth, oldest first."""
    birth = case.household.birth_of(child)
    return sorted((c for c in case.household.children
                   if not c.expected and _lives_here(c) and all(c is not b for b in birth)),
                  key=lambda c: c.birth_date)


def relevant_siblings(case: Case, child: Child, parent_ids: Collection[str] | None = None) -> list[Child]:
    """The older siblings that make the Geschwisterbonus at the birth (§ 2a Abs. 1 BEEG), youngest first
    (the federal form asks for "Jüngstes Kind, das die Voraussetzungen erfüllt" first).

    A sibling counts only for a parent for whom it is an own, adopted or the spouse's child — a foster child or
    the partner's child without marriage brings none (§ 2a Abs. 1 Satz 2 BEEG) —, an adopted sibling's age from the
    day it was taken in (§ 2a Abs. 2 BEEG): the engine's :func:`~workbench.evaluation.elterngeld.aufnahme.als_geschwister`
    and :func:`~workbench.rules.elterngeld.betrag.alter_ab`. ``parent_ids``: the parents who apply (default: every
    parent of the household); a sibling is listed when it counts for one of them whose bonus applies (one sibling
    under 3, two under 6, or a disabled one under 14): then every such sibling under 6 and every disabled one
    under 14; otherwise none (the table stays empty, the count is filled).
    """
    older = [c for c in further_children(case, child) if c.birth_date <= child.birth_date]
    birth = child.birth_date
    ages = parameters("elterngeld").value("geschwisterbonus_altersgrenzen", birth)
    listed: set[int] = set()
    for parent in case.household.parents:
        if parent_ids is not None and parent.id not in parent_ids:
            continue
        counted = [(c, kind) for c in older if (kind := als_geschwister(case, parent, c)) is not None]
        if not geschwisterbonus_berechtigt([kind for _, kind in counted], birth, birth):
            continue
        listed.update(id(c) for c, kind in counted
                      if is_younger_than(alter_ab(kind, birth), int(ages["zwei_kinder_unter"]), birth)
                      or kind.disability and is_younger_than(alter_ab(kind, birth), int(ages["behindertes_kind_unter"]), birth))
    return [c for c in reversed(older) if id(c) in listed]


def claimants(case: Case, applicant_id: str) -> str | None:
    """``both`` when the plan gives both parents months, ``self`` when only the applicant has months."""
    plan = case.elterngeld_plan
    if plan is None:
        return None
    planned = {pid for pid, codes in plan.months.items() if codes.strip("-")}
    if applicant_id not in planned:
        return None
    return "both" if len(planned) > 1 else "self"


def married_to_other(case: Case, applicant_id: str) -> str | None:
    """``married:yes`` when the applicant is married to the other parent of the household, ``married:no`` when
    married to someone else; likewise ``civil_partnership:…``; None for every other status.

    "getrennt lebend" (separated) is still married (§ 1567 BGB): the federal form has no box of its own for it.
    """
    parent = case.parent(applicant_id)
    stated = parent.personal.marital_status if parent.personal else None
    status = "married" if stated == "separated" else stated
    if status not in ("married", "civil_partnership"):
        return None
    others = [p for p in case.household.parents if p.id != applicant_id]
    other_status = others[0].personal.marital_status if others and others[0].personal else None
    together = case.household.married and other_status == status and stated != "separated"
    return f"{status}:{'yes' if together else 'no'}"


def child_with_applicant(child: Child) -> bool:
    """Whether the child lives in the applicant's household (``situation.lives_with_applicant``, default yes)."""
    return _lives_here(child)


def relation(case: Case, child: Child, parent_id: str | None) -> str | None:
    """How ``child`` is related to a parent of the household (``parent_id``) or, with None, to the absent other parent.

    ``biological`` (leibliches Kind: a legal parent, the child not taken in), for a child taken in the placement's
    kind for every parent of the household (``adoption``, ``adoption_care`` — not yet a legal parent, ``parents: []`` —,
    ``foster_care``, ``relatives``: § 1 Abs. 4 BEEG, ticks no box; ADR 0032), ``step`` for the spouse's
    child (§ 63 Abs. 1 Satz 1 Nr. 2 EStG: Stiefkind needs the marriage; an unmarried partner's child is none of these,
    None). The absent other parent (``household.other_parent``) is the other biological parent of a child born
    into the household; for a child taken in the case does not say (None).
    """
    if parent_id is None:
        return "biological" if case.household.other_parent is not None and child.placement is None else None
    if child.placement is not None:  # taken in: how, for each parent who took it in (never leiblich or Stiefkind)
        return child.placement.kind
    if parent_id not in legal_parents(case.household, child):
        return "step" if case.household.married else None
    return "biological" if child.placement is None else child.placement.kind


def _day(value: object) -> str:
    return value.strftime("%d.%m.%Y") if hasattr(value, "strftime") else ""


def kindergeld_before(case: Case, child: Child) -> dict[str, str] | None:
    """KG 1 Anlage Kind question 4, "Haben Sie oder eine unter Punkt 2 genannte Person für dieses Kind bereits
    Kindergeld beantragt oder erhalten?", as far as the case says it (issue 18, D10); None when it does not.

    ``receives.kindergeld_applied: false`` → ``{"answer": "no"}``; what was applied for or received
    (``kindergeld_applied``), else a Kindergeld that runs (``receives.kindergeld``) → ``answer: yes`` with the person
    (a parent of the household by ``parent``; without one, the child's other parent outside it, the form's "andere
    Person" of point 2), the period ("ab 01.01.2025" or "01.01.2025 – 30.06.2025"), the Familienkasse and the number.
    Nothing is guessed: a value the case lacks stays empty on the form.
    """
    receives = child.receives
    applied = receives.kindergeld_applied if receives is not None else None
    if applied is False:
        return {"answer": "no"}
    known: KindergeldBezug | None = applied if applied is not None else (receives.kindergeld if receives else None)
    if known is None:
        return None
    out = {"answer": "yes", "number": known.number or ""}
    if known.parent is not None:
        parent = next((p for p in case.household.parents if p.id == known.parent), None)
        surname = parent.personal.surname if parent is not None and parent.personal else None
        first = parent.name if parent is not None else None
        born = parent.birth_date if parent is not None else None
    else:
        other = case.household.other_parent
        surname, first, born = (other.surname, other.first_name, other.birth_date) if other else (None, None, None)
    out["name"] = ", ".join(part for part in (surname, first) if part)
    out["birth_date"] = _day(born)
    until = getattr(known, "until", None)
    if known.since is not None:
        out["period"] = f"{_day(known.since)} – {_day(until)}" if until else f"ab {_day(known.since)}"
    elif until is not None:
        out["period"] = f"bis {_day(until)}"
    out["familienkasse"] = getattr(known, "familienkasse", None) or ""
    return out


def lives_in_germany(case: Case) -> bool | None:
    """Whether the household's address is in Germany (no ``country``); None without an address."""
    address = case.household.address
    if address is None:
        return None
    return address.country in (None, "", "Deutschland", "DE")


def sibling_paths(case: Case, child: Child) -> dict[str, str]:
    """Roles ``sib1`` … for the relevant siblings (their case paths) of the parents who apply: those the plan gives
    months, every parent without a plan."""
    index = {id(c): i for i, c in enumerate(case.household.children)}
    plan = case.elterngeld_plan
    applying = {pid for pid, codes in plan.months.items() if codes.strip("-")} if plan is not None else None
    return {f"sib{n}": f"household.children[{index[id(c)]}]"
            for n, c in enumerate(relevant_siblings(case, child, applying or None)[:MAX_SIBLINGS], 1)}


__all__ = ["MAX_SIBLINGS", "claimants", "kindergeld_before", "relation", "further_children", "lives_in_germany", "married_to_other", "child_with_applicant",
           "relevant_siblings", "sibling_paths"]
