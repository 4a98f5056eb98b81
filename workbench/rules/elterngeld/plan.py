"""Planning rules of the BEEG: each rule is a small named check returning violations.

A plan gives, per parent, the kind of Elterngeld in each Lebensmonat 1–32
(``basis``, ``plus``, ``bonus``, ``none``). A check never raises: it returns
:class:`Violation` objects with a stable rule id (case-format.md), the Lebensmonate
concerned and a message in German or English. :func:`check_plan` runs them all.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from workbench.i18n import format_value, text
from workbench.parameters import parameters
from workbench.rules.elterngeld.lebensmonate import consecutive_runs

P = parameters("elterngeld")

BASIS, PLUS, BONUS, NONE = "basis", "plus", "bonus", "none"
LEBENSMONATE = 32
HALF = Decimal("0.5")


@dataclass(frozen=True)
class PlanSituation:
    """What the planning rules need to know about the family (the "Ausgangslage")."""

    birth: date
    parent_ids: tuple[str, ...]
    single_parent: bool = False
    multiples: bool = False
    weeks_early: int = 0
    disabled_newborn: bool = False
    disabled_sibling_bonus: bool = False
    income_before: Mapping[str, bool] = field(default_factory=dict)
    maternity_months: Mapping[str, frozenset[int]] = field(default_factory=dict)
    hours: Mapping[str, Mapping[int, Decimal]] = field(default_factory=dict)
    taxable_income: Mapping[str, Decimal | None] = field(default_factory=dict)
    names: Mapping[str, str] = field(default_factory=dict)

    def name(self, parent_id: str) -> str:
        """How messages call a parent: the first name when it is known, else the id."""
        return self.names.get(parent_id) or parent_id


@dataclass(frozen=True)
class Violation:
    """A broken planning rule: stable id, Lebensmonate concerned, message."""

    rule: str
    months: tuple[int, ...]
    citation: str
    args: Mapping[str, object] = field(default_factory=dict)

    def message(self, language: str = "de") -> str:
        args = {k: format_value(v, language) for k, v in self.args.items()}
        return f"{text('plan.' + self.rule, language, **args)} ({self.citation})"

    def to_json(self, language: str = "de") -> dict[str, object]:
        return {"rule": self.rule, "message": self.message(language), "months": list(self.months)}


Plan = Mapping[str, Sequence[str]]


@dataclass(frozen=True)
class Limits:
    """The contingent and month limits that follow from the situation."""

    extra_months: int
    partner_months: int
    total_basis: int
    per_parent: int
    basis_until: int
    continuous_from: int
    bonus_min: int
    bonus_max: int


def fruehgeburt_zusatzmonate(weeks_early: int, birth: date) -> int:
    """Extra Basis months after a birth at least 6, 8, 12 or 16 weeks before the due date.

    Rechtsgrundlage: § 4 Abs. 5 BEEG
    """
    extra = 0
    for row in P.value("fruehgeburt_zusatzmonate", birth):
        if weeks_early >= row["wochen"]:
            extra = int(row["monate"])
    return extra


def limits(s: PlanSituation) -> Limits:
    """Contingent, per-parent limit and month windows for this family.

    Rechtsgrundlage: § 4 Abs. 1, 3, 4, 5 BEEG, § 4b Abs. 1 BEEG, § 4c BEEG
    """
    d = P.value("bezugsdauer", s.birth)
    bonus = P.value("partnerschaftsbonus_monate", s.birth)
    extra = fruehgeburt_zusatzmonate(s.weeks_early, s.birth)
    anyone_had_income = any(s.income_before.get(p, False) for p in s.parent_ids)
    two_or_alone = len(s.parent_ids) == 2 or s.single_parent
    partner = int(d["partnermonate"]) if (two_or_alone and anyone_had_income) else 0
    basis = int(d["basis_monatsbetraege"]) + extra
    per_parent = int(d["je_elternteil_hoechstens"]) + extra + (partner if s.single_parent else 0)
    return Limits(
        extra_months=extra,
        partner_months=partner,
        total_basis=basis + partner,
        per_parent=per_parent,
        basis_until=int(d["basis_bis_lebensmonat"]) + extra,
        continuous_from=int(d["basis_bis_lebensmonat"]) + extra + 1,
        bonus_min=int(bonus["mindestens"]),
        bonus_max=int(bonus["hoechstens"]),
    )


def _months(plan: Plan, pid: str, *kinds: str) -> list[int]:
    return [i + 1 for i, k in enumerate(plan.get(pid, ())) if k in kinds]


def basis_equivalents(kinds: Sequence[str]) -> Decimal:
    """Basis months used: a Basis month counts 1, a Plus month ½ (Bonus months are extra).

    Rechtsgrundlage: § 4 Abs. 3 Satz 3 BEEG, § 4a Abs. 2 Satz 2 BEEG
    """
    return Decimal(sum(1 for k in kinds if k == BASIS)) + HALF * sum(1 for k in kinds if k == PLUS)


# --- the rules -------------------------------------------------------------------------

def no_months_planned(plan: Plan, s: PlanSituation) -> list[Violation]:
    """A plan must have at least one month with Elterngeld.

    Rechtsgrundlage: § 4 Abs. 1 BEEG
    """
    if any(_months(plan, p, BASIS, PLUS, BONUS) for p in s.parent_ids):
        return []
    return [Violation("no_months_planned", (), "§ 4 Abs. 1 BEEG")]


def basis_after_month_14(plan: Plan, s: PlanSituation) -> list[Violation]:
    """Basiselterngeld only up to Lebensmonat 14 (15–18 after an early birth).

    Rechtsgrundlage: § 4 Abs. 1 Satz 2 BEEG, § 4 Abs. 5 BEEG
    """
    last = limits(s).basis_until
    late = sorted({m for p in s.parent_ids for m in _months(plan, p, BASIS) if m > last})
    return [Violation("basis_after_month_14", tuple(late), "§ 4 Abs. 1 Satz 2, Abs. 5 BEEG", {"last": last})] if late else []


def continuous_after_month_14(plan: Plan, s: PlanSituation) -> list[Violation]:
    """From Lebensmonat 15 on, Elterngeld only in consecutive months, starting with month 15.

    Rechtsgrundlage: § 4 Abs. 1 Satz 3 BEEG, § 4 Abs. 5 Satz 3 BEEG
    """
    first = limits(s).continuous_from
    taken = sorted({m for p in s.parent_ids for m in _months(plan, p, BASIS, PLUS, BONUS) if m >= first})
    broken = [m for i, m in enumerate(taken) if m != first + i]
    if not broken:
        return []
    return [Violation("continuous_after_month_14", tuple(broken), "§ 4 Abs. 1 Satz 3 BEEG", {"first": first})]


def simultaneous_basis_allowed_without_limit(s: PlanSituation) -> bool:
    """Multiples, an early birth under § 4 Abs. 5, a disabled newborn or a disabled sibling
    with Geschwisterbonus lift the limit on simultaneous Basis months.

    Rechtsgrundlage: § 4 Abs. 6 Satz 2 BEEG
    """
    return (s.multiples or fruehgeburt_zusatzmonate(s.weeks_early, s.birth) > 0
            or s.disabled_newborn or s.disabled_sibling_bonus)


def simultaneous_basis(plan: Plan, s: PlanSituation) -> list[Violation]:
    """Both parents Basis in the same Lebensmonat: at most once, and only in months 1–12.

    Rechtsgrundlage: § 4 Abs. 6 Satz 1 BEEG
    """
    if len(s.parent_ids) < 2 or simultaneous_basis_allowed_without_limit(s):
        return []
    rule = P.value("gleichzeitiger_basisbezug", s.birth)
    a, b = s.parent_ids
    both = sorted(set(_months(plan, a, BASIS)) & set(_months(plan, b, BASIS)))
    if len(both) > int(rule["hoechstens_monate"]) or any(m > int(rule["bis_lebensmonat"]) for m in both):
        return [Violation("simultaneous_basis", tuple(both), "§ 4 Abs. 6 Satz 1 BEEG",
                          {"max": int(rule["hoechstens_monate"]), "until": int(rule["bis_lebensmonat"])})]
    return []


def parent_min_2_months(plan: Plan, s: PlanSituation) -> list[Violation]:
    """Each parent takes no month or at least two.

    Rechtsgrundlage: § 4 Abs. 4 Satz 2 BEEG
    """
    minimum = int(P.value("bezugsdauer", s.birth)["je_elternteil_mindestens"])
    out = []
    for p in s.parent_ids:
        taken = _months(plan, p, BASIS, PLUS, BONUS)
        if 0 < len(taken) < minimum:
            out.append(Violation("parent_min_2_months", tuple(taken), "§ 4 Abs. 4 Satz 2 BEEG", {"parent": s.name(p), "min": minimum}))
    return out


def parent_limit(plan: Plan, s: PlanSituation) -> list[Violation]:
    """One parent takes at most 12 Basis months (Plus counts half; more after an early birth;
    14 for a single parent).

    Rechtsgrundlage: § 4 Abs. 4 Satz 1 BEEG, § 4 Abs. 5 BEEG, § 4c BEEG
    """
    limit = limits(s).per_parent
    out = []
    for p in s.parent_ids:
        used = basis_equivalents(plan.get(p, ()))
        if used > limit:
            out.append(Violation("parent_limit", tuple(_months(plan, p, BASIS, PLUS)), "§ 4 Abs. 4 Satz 1 BEEG",
                                 {"parent": s.name(p), "used": used.normalize(), "limit": limit}))
    return out


def total_contingent(plan: Plan, s: PlanSituation) -> list[Violation]:
    """Together at most 12 Basis months, 14 with the Partnermonate (Plus counts half), and at
    most 4 Partnerschaftsbonus months per parent.

    Rechtsgrundlage: § 4 Abs. 3 BEEG, § 4 Abs. 5 BEEG, § 4b Abs. 1 BEEG
    """
    lim = limits(s)
    used = sum((basis_equivalents(plan.get(p, ())) for p in s.parent_ids), Decimal(0))
    out = []
    if used > lim.total_basis:
        months = sorted({m for p in s.parent_ids for m in _months(plan, p, BASIS, PLUS)})
        out.append(Violation("total_contingent", tuple(months), "§ 4 Abs. 3 BEEG",
                             {"used": used.normalize(), "limit": lim.total_basis}))
    for p in s.parent_ids:
        bonus = _months(plan, p, BONUS)
        if len(bonus) > lim.bonus_max:
            out.append(Violation("total_contingent", tuple(bonus), "§ 4b Abs. 1 BEEG",
                                 {"used": len(bonus), "limit": lim.bonus_max}))
    return out


def bonus_not_parallel(plan: Plan, s: PlanSituation) -> list[Violation]:
    """The Partnerschaftsbonus is taken by both parents in the same months (a single parent alone).

    Rechtsgrundlage: § 4b Abs. 1 BEEG, § 4c Abs. 2 BEEG
    """
    if s.single_parent:
        return []
    sets = [set(_months(plan, p, BONUS)) for p in s.parent_ids]
    if len(s.parent_ids) == 1:
        lone = sorted(sets[0])
        return [Violation("bonus_not_parallel", tuple(lone), "§ 4b Abs. 1 BEEG")] if lone else []
    odd = sorted(sets[0] ^ sets[1])
    return [Violation("bonus_not_parallel", tuple(odd), "§ 4b Abs. 1 BEEG")] if odd else []


def bonus_min_2_months(plan: Plan, s: PlanSituation) -> list[Violation]:
    """The Partnerschaftsbonus lasts at least 2 Lebensmonate.

    Rechtsgrundlage: § 4b Abs. 1 BEEG
    """
    lim = limits(s)
    out = []
    for p in s.parent_ids:
        bonus = _months(plan, p, BONUS)
        if 0 < len(bonus) < lim.bonus_min:
            out.append(Violation("bonus_min_2_months", tuple(bonus), "§ 4b Abs. 1 BEEG", {"min": lim.bonus_min}))
    return out


def bonus_consecutive(plan: Plan, s: PlanSituation) -> list[Violation]:
    """The Partnerschaftsbonus months of a parent follow each other without a gap.

    Rechtsgrundlage: § 4b Abs. 1 BEEG
    """
    out = []
    for p in s.parent_ids:
        blocks = consecutive_runs(_months(plan, p, BONUS))
        if len(blocks) > 1:
            out.append(Violation("bonus_consecutive", tuple(m for b in blocks[1:] for m in b), "§ 4b Abs. 1 BEEG"))
    return out


def bonus_requires_income(plan: Plan, s: PlanSituation) -> list[Violation]:
    """In Partnerschaftsbonus months the parent works 24 to 32 hours a week.

    Rechtsgrundlage: § 4b Abs. 1 Nr. 1 BEEG
    """
    band = P.value("partnerschaftsbonus_wochenstunden", s.birth)
    out = []
    for p in s.parent_ids:
        hours = s.hours.get(p, {})
        bad = [m for m in _months(plan, p, BONUS) if not band["mindestens"] <= hours.get(m, Decimal(0)) <= band["hoechstens"]]
        if bad:
            out.append(Violation("bonus_requires_income", tuple(bad), "§ 4b Abs. 1 Nr. 1 BEEG",
                                 {"parent": s.name(p), "min": band["mindestens"], "max": band["hoechstens"]}))
    return out


def maternity_months_fixed(plan: Plan, s: PlanSituation) -> list[Violation]:
    """Lebensmonate with Mutterschaftsleistungen count as the mother's Basis months.

    Rechtsgrundlage: § 4 Abs. 4 Satz 3 BEEG
    """
    out = []
    for p, months in s.maternity_months.items():
        kinds = plan.get(p, ())
        bad = sorted(m for m in months if m > len(kinds) or kinds[m - 1] != BASIS)
        if bad:
            out.append(Violation("maternity_months_fixed", tuple(bad), "§ 4 Abs. 4 Satz 3 BEEG", {"parent": s.name(p)}))
    return out


def hours_limit(plan: Plan, s: PlanSituation) -> list[Violation]:
    """No more than 32 hours a week on average in a Lebensmonat with Elterngeld.

    Rechtsgrundlage: § 1 Abs. 6 BEEG
    """
    limit = P.value("wochenstunden_hoechstgrenze", s.birth)
    out = []
    for p in s.parent_ids:
        hours = s.hours.get(p, {})
        bad = [m for m in _months(plan, p, BASIS, PLUS, BONUS) if hours.get(m, Decimal(0)) > limit]
        if bad:
            out.append(Violation("hours_limit", tuple(bad), "§ 1 Abs. 6 BEEG", {"parent": s.name(p), "limit": limit}))
    return out


def income_limit(plan: Plan, s: PlanSituation) -> list[Violation]:
    """No Elterngeld when the taxable income of the last assessment year exceeds the limit
    (175,000 € for births from 1 April 2025; the sum of both parents for couples).

    Rechtsgrundlage: § 1 Abs. 8 BEEG, § 28 Abs. 5 BEEG
    """
    incomes = [s.taxable_income.get(p) for p in s.parent_ids]
    if not incomes or any(i is None for i in incomes):
        return []
    grenzen = P.value("einkommensgrenze", s.birth)
    limit = grenzen["paar"] if len(s.parent_ids) == 2 else grenzen["allein"]
    total = sum((i for i in incomes if i is not None), Decimal(0))
    if total > limit:
        return [Violation("income_limit", (), "§ 1 Abs. 8 BEEG", {"income": total, "limit": limit})]
    return []


RULES: tuple[Callable[[Plan, PlanSituation], list[Violation]], ...] = (
    no_months_planned, basis_after_month_14, continuous_after_month_14, simultaneous_basis,
    parent_min_2_months, parent_limit, total_contingent, bonus_not_parallel, bonus_min_2_months,
    bonus_consecutive, bonus_requires_income, maternity_months_fixed, hours_limit, income_limit,
)


def check_plan(plan: Plan, s: PlanSituation) -> list[Violation]:
    """All violations of the plan, in the order of the rules."""
    return [v for rule in RULES for v in rule(plan, s)]
