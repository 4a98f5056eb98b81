"""Unterhaltsvorschuss (UVG) for each child of a single parent.

Amount (§ 2 UVG): the Mindestunterhalt of the child's age group (§ 1612a BGB) minus the full
Kindergeld for a first child, minus maintenance and orphan's benefits the child receives.
Children from 12 to 17 (§ 1 Abs. 1a UVG) only if they get no SGB II, or the parent on SGB II
earns at least 600 € gross a month, or the UVG ends the need (the Jugendamt checks the last one).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from workbench.explain import Explanation
from workbench.money import ZERO
from workbench.parameters import parameters
from workbench.rules.leistungen.alter import jahre_am_monatsende
from workbench.rules.leistungen.kindergeld import betrag_fuer_kind
from workbench.rules.leistungen.kind import Kind
from workbench.rules.leistungen.result import BenefitResult, ChildAmount, combine, step_key, unverified_parameters

P = parameters("leistungen")


@dataclass(frozen=True)
class UvgKind(Kind):
    """One child as § 1 UVG sees it."""

    lives_with_applicant: bool = True
    shared_care: bool = False
    """Wechselmodell: the child lives about equally with both parents, so with neither one alone."""
    maintenance_monthly: Decimal = ZERO
    orphan_benefit_monthly: Decimal = ZERO


@dataclass(frozen=True)
class UvgElternteil:
    """The parent the children live with."""

    single_parent: bool
    """Ledig, verwitwet, geschieden oder dauernd getrennt lebend (§ 1 Abs. 1 Nr. 2 UVG)."""
    receives_buergergeld: bool = False
    gross_monthly: Decimal = ZERO


def altersstufe(birth: date, on: date) -> int:
    """1, 2 or 3 (0 from 18 on): the age group for the month of ``on``.

    Rechtsgrundlage: § 1612a Abs. 1 Satz 3 und Abs. 3 BGB (the higher group from the start of the
    month in which the child completes the year), § 1 Abs. 1 Nr. 1 UVG
    """
    stufen = P.value("uvg_altersstufen", on)
    age = jahre_am_monatsende(birth, on)
    if age >= stufen["hoechstalter"]:
        return 0
    if age >= stufen["stufe_3_ab"]:
        return 3
    return 2 if age >= stufen["stufe_2_ab"] else 1


def uvg_betrag(stufe: int, on: date) -> Decimal:
    """Mindestunterhalt of the group minus the full Kindergeld for a first child (Rechtsgrundlage: § 2 Abs. 1 und 2 UVG)."""
    return Decimal(P.value("uvg_mindestunterhalt_m", on)[f"stufe_{stufe}"]) - betrag_fuer_kind(1, on)


def unterhaltsvorschuss(kinder: Sequence[UvgKind], eltern: UvgElternteil, on: date) -> BenefitResult:
    """UVG of each child for the month of ``on``.

    Rechtsgrundlage: §§ 1, 2 UVG
    """
    e = Explanation()
    children: list[ChildAmount] = []
    for kind in kinder:
        eligible, reason, amount = _kind(kind, eltern, on, e)
        children.append(ChildAmount(kind.child_id, eligible, amount, (reason,)))
    total = sum((c.monthly for c in children), ZERO)
    e.add("leistungen.step.uvg.total", total, "§ 2 UVG")
    eligible = combine([c.eligible for c in children]) if children else False
    reasons = tuple(dict.fromkeys(r for c in children for r in c.reasons)) or ("leistungen.uvg.no_child",)
    names = ["uvg_mindestunterhalt_m", "kindergeld_betrag_m" if on.year >= 2023 else "kindergeld_staffel_m"]
    return BenefitResult("unterhaltsvorschuss", eligible, total, reasons, e, unverified_parameters(P, names, on),
                         tuple(children), total * 12)


def _kind(kind: UvgKind, eltern: UvgElternteil, on: date, e: Explanation) -> tuple[bool | None, str, Decimal]:
    stufe = altersstufe(kind.birth_date, on)
    if not kind.born:
        reason = "leistungen.uvg.not_born"
    elif stufe == 0:
        reason = "leistungen.uvg.over_18"
    elif not eltern.single_parent:
        reason = "leistungen.uvg.not_single"
    elif not kind.lives_with_applicant:
        reason = "leistungen.uvg.other_household"
    elif kind.shared_care:  # § 1 Abs. 1 Nr. 2 UVG: "bei einem ... Elternteil lebt" – not in a Wechselmodell
        reason = "leistungen.uvg.shared_care"
    else:
        reason = ""
    if reason:
        e.add(step_key(reason), ZERO, "§ 1 Abs. 1 UVG", child=kind.child_id)
        return False, reason, ZERO
    if stufe == 3 and eltern.receives_buergergeld:
        minimum = P.value("uvg_mindesteinkommen_m", on)
        if eltern.gross_monthly < minimum:
            reason = "leistungen.uvg.older_sgb2"
            e.add(step_key(reason), ZERO, "§ 1 Abs. 1a UVG", child=kind.child_id, minimum=minimum)
            return None, reason, ZERO
    base = uvg_betrag(stufe, on)
    e.add("leistungen.step.uvg.base", base, "§ 2 Abs. 1 und 2 UVG, § 1612a BGB", child=kind.child_id, stufe=stufe,
          mindestunterhalt=Decimal(P.value("uvg_mindestunterhalt_m", on)[f"stufe_{stufe}"]),
          kindergeld=betrag_fuer_kind(1, on))
    offset = kind.maintenance_monthly + kind.orphan_benefit_monthly
    amount = max(ZERO, base - offset)
    if offset:
        e.add("leistungen.step.uvg.offset", amount, "§ 2 Abs. 3 UVG", child=kind.child_id, offset=offset)
    if amount == ZERO:
        return False, "leistungen.uvg.maintenance_covers", ZERO
    return True, ("leistungen.uvg.entitled_older" if stufe == 3 else "leistungen.uvg.entitled"), amount
