"""Who may receive Elterngeld for a child, and from which day its Lebensmonate count (ADR 0032).

§ 1 Abs. 1 Satz 1 Nr. 2 BEEG gives Elterngeld to a person living with *their own* child. § 1 Abs. 3 Satz 1
BEEG widens this to a person who

1. lives with a child taken in with the aim of adoption (Adoptionspflege),
2. has taken the child of the spouse into the household (step-child), or
3. lives with a child whose paternity he acknowledged, not yet effective (not modelled: such a father is
   entered as a parent of the child).

The wording was checked on 2026-12-07 against a commentary quoting the current text (Tillmanns/Mutschler,
BEEG § 1 Rz. 76–83, Haufe): Nr. 2 names "Ehegatten oder der Ehegattin"; a partner without marriage is not
covered (eheähnliche Gemeinschaft, BT-Drucks. 16/1889 S. 19). **Not verified**: whether a registered civil
partner (eingetragene Lebenspartnerschaft) falls under Nr. 2 in the current wording; the 2006 wording named
"Ehegatten oder Lebenspartners", and the workbench treats a civil partnership like a marriage
(``household.married``), as the Kindergeld law does (§ 2 Abs. 8 EStG). Foster parents in Vollzeitpflege
(§ 33 SGB VIII) are not named in § 1 Abs. 3 BEEG: no Elterngeld (Elternzeit they may take,
§ 15 Abs. 1 Satz 1 Nr. 1 Buchst. c BEEG).

§ 1 Abs. 4 BEEG (wording checked on 2026-12-07, Bundesfachstelle Barrierefreiheit, BEEG as amended 18.03.2022):
"Können die Eltern wegen einer schweren Krankheit, Schwerbehinderung oder Tod der Eltern ihr Kind nicht betreuen,
haben Verwandte bis zum dritten Grad und ihre Ehegatten oder Ehegattinnen Anspruch auf Elterngeld, wenn sie die
übrigen Voraussetzungen nach Absatz 1 erfüllen und wenn von anderen Berechtigten Elterngeld nicht in Anspruch
genommen wird." The case says so with ``placement.kind: relatives``, the ``reason`` and the ``degree`` of kinship
with the child; the reason must lie with both parents (Tillmanns/Mutschler, BEEG § 1 Rz. 93) – the case's
``reason`` states it. Their Lebensmonate count from the birth (§ 1 Abs. 3 Satz 2 names adoption only). That no
other entitled person (a parent) takes Elterngeld is the advisor's to check.

For adopted children and children of Nr. 1 the day the child was taken in replaces the birth throughout the
law (§ 1 Abs. 3 Satz 2 BEEG): the Lebensmonate, the assessment period and the dated parameters count from it,
and Elterngeld is paid at most until the child's 8th birthday (§ 4 Abs. 1 Satz 3 BEEG).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from workbench.parameters import parameters
from workbench.rules.elterngeld.lebensmonate import completes_age_on
from workbench.rules.elterngeld.plan import NONE, Plan, Violation

Beziehung = Literal["elternteil", "angenommen", "adoptionspflege", "stiefkind_ehe", "kind_des_partners", "pflegekind",
                    "verwandte", "verwandte_ehegatte", "verwandte_entfernt"]
"""How a parent of the household stands to the child: own child (also after an adoption: ``angenommen``),
Adoptionspflege, the spouse's child, the partner's child without marriage, a foster child; a relative up to the
third degree caring in the parents' stead, the spouse of one, a more distant relative (or the partner of one
without marriage)."""

GRUNDLAGE: Mapping[Beziehung, str | None] = {
    "elternteil": "§ 1 Abs. 1 Satz 1 Nr. 2 BEEG",
    "angenommen": "§ 1 Abs. 1 Satz 1 Nr. 2, Abs. 3 Satz 2 BEEG",
    "adoptionspflege": "§ 1 Abs. 3 Satz 1 Nr. 1 BEEG",
    "stiefkind_ehe": "§ 1 Abs. 3 Satz 1 Nr. 2 BEEG",
    "kind_des_partners": None,
    "pflegekind": None,
    "verwandte": "§ 1 Abs. 4 BEEG",
    "verwandte_ehegatte": "§ 1 Abs. 4 BEEG",
    "verwandte_entfernt": None,
}
"""The paragraph that gives Elterngeld for each relation; ``None``: no Elterngeld for this child."""

P = parameters("elterngeld")


def naher_verwandter(degree: int, on: date) -> bool:
    """Whether a relative of this degree of kinship with the child may get Elterngeld in the parents' stead: up to
    the third degree (grandparents and siblings 2, great-grandparents, aunts and uncles 3).

    Rechtsgrundlage: § 1 Abs. 4 BEEG, § 1589 BGB (Grad der Verwandtschaft)
    """
    return degree <= int(P.value("verwandte_hoechster_grad", on))


def beziehung(legal_parent: bool, placement: str | None, married: bool, *, near: bool = False,
              related: bool = False) -> Beziehung:
    """How one parent stands to the child, from the case's facts (for a child cared for by relatives: ``near``, the
    relatives are within the third degree, :func:`naher_verwandter`; ``related``, this parent is the relative and not
    the relative's spouse).

    Rechtsgrundlage: § 1 Abs. 1 Satz 1 Nr. 2, Abs. 3 Satz 1 Nr. 1, 2, Abs. 4 BEEG
    """
    if placement == "relatives":
        if near and related:
            return "verwandte"
        return "verwandte_ehegatte" if near and married else "verwandte_entfernt"
    if placement == "foster_care":
        return "pflegekind"
    if placement == "adoption_care":
        return "adoptionspflege"
    if legal_parent:
        return "angenommen" if placement == "adoption" else "elternteil"
    return "stiefkind_ehe" if married else "kind_des_partners"


def elterngeld_grundlage(relation: Beziehung) -> str | None:
    """The paragraph that gives this parent Elterngeld for the child, or ``None`` when none does.

    Rechtsgrundlage: § 1 Abs. 1 Satz 1 Nr. 2, Abs. 3 Satz 1 BEEG
    """
    return GRUNDLAGE[relation]


def bezugsbeginn(birth: date, placement: str | None, taken_in: date | None) -> date:
    """The day the Lebensmonate count from: the day the child was taken in for an adopted child or one in
    Adoptionspflege, else the birth.

    Rechtsgrundlage: § 1 Abs. 3 Satz 2, § 4 Abs. 1 Satz 3 BEEG
    """
    if placement in ("adoption", "adoption_care") and taken_in is not None:
        return taken_in
    return birth


def bezugsende(birth: date, placement: str | None) -> date | None:
    """The last day Elterngeld can be paid for an adopted child or one in Adoptionspflege: the day before its
    8th birthday (the 8th year is completed at its end, § 187 Abs. 2, § 188 Abs. 2 BGB); ``None`` for other children.

    Rechtsgrundlage: § 4 Abs. 1 Satz 3 BEEG
    """
    if placement not in ("adoption", "adoption_care"):
        return None
    return completes_age_on(birth, 8) - timedelta(days=1)


@dataclass(frozen=True)
class Berechtigung:
    """What the two plan checks below need: each parent's relation, names, and the Lebensmonate' last days."""

    relations: Mapping[str, Beziehung]
    names: Mapping[str, str]
    month_ends: tuple[date, ...]
    last_day: date | None


def nicht_berechtigt(plan: Plan, b: Berechtigung) -> list[Violation]:
    """Months planned for a parent whom no paragraph gives Elterngeld for this child (the partner's child
    without marriage, a foster child).

    Rechtsgrundlage: § 1 Abs. 1 Satz 1 Nr. 2, Abs. 3 Satz 1 BEEG
    """
    out = []
    for pid, relation in b.relations.items():
        months = tuple(m for m, kind in enumerate(plan.get(pid, ()), 1) if kind != NONE)
        if months and elterngeld_grundlage(relation) is None:
            out.append(Violation(f"not_entitled_{relation}", months, "§ 1 Abs. 1 Satz 1 Nr. 2, Abs. 3 BEEG",
                                 {"parent": b.names.get(pid) or pid}))
    return out


def nach_achtem_geburtstag(plan: Plan, b: Berechtigung) -> list[Violation]:
    """Months of an adopted child (or one in Adoptionspflege) that end after the day before its 8th birthday.

    Rechtsgrundlage: § 4 Abs. 1 Satz 3 BEEG
    """
    if b.last_day is None:
        return []
    late = sorted({m for kinds in plan.values() for m, kind in enumerate(kinds, 1)
                   if kind != NONE and m <= len(b.month_ends) and b.month_ends[m - 1] > b.last_day})
    if not late:
        return []
    return [Violation("after_eighth_birthday", tuple(late), "§ 4 Abs. 1 Satz 3 BEEG", {"last": b.last_day})]


def check_berechtigung(plan: Plan, b: Berechtigung) -> list[Violation]:
    """The entitlement checks of a plan (after the planning rules of :mod:`workbench.rules.elterngeld.plan`)."""
    return nicht_berechtigt(plan, b) + nach_achtem_geburtstag(plan, b)
