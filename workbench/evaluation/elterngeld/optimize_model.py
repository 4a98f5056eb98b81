"""The optimizer's view of a family: per parent and Lebensmonat the kinds allowed and what each pays.

Nothing here re-states the law: amounts come from :func:`betrag.monatsbetrag` with the
pre-birth income, Ersatzrate and income after the birth computed by the engine's own
functions (``einkommen``, ``netto``), and the month windows from :func:`plan.limits`.

§ 2 Abs. 3 BEEG averages the income after the birth over all Basis months with income and
over all Plus/Bonus months with income, so the amount of an income month depends on which
other months carry income of the same kind. When all of a parent's income months that can
carry Elterngeld have the same gross, every average equals that gross and the amount is
known month by month. Otherwise the parent is *tracked*: its income months pay nothing in
the month, the search counts them per income class (gross, Geschwisterbonus) and kind, and
:meth:`ElternteilModell.income_cents` prices the counts at the end with the engine's average.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING

from workbench.evaluation.elterngeld.arbeit import Arbeitsplan
from workbench.evaluation.elterngeld.engine import mutterschutz_monate, plan_situation, termin
from workbench.evaluation.elterngeld.mutterschaft import Mutterschaftsleistungen
from workbench.explain import Explanation
from workbench.money import ZERO
from workbench.parameters import parameters
from workbench.rules.elterngeld import betrag
from workbench.rules.elterngeld.betrag import geschwisterbonus_berechtigt
from workbench.rules.elterngeld.einkommen import einkommen_nach_geburt, erwerb_vor_geburt
from workbench.evaluation.elterngeld.aufnahme import berechtigung, elterngeld_vorher, geschwister, start
from workbench.rules.elterngeld.berechtigung import elterngeld_grundlage
from workbench.rules.elterngeld.lebensmonate import lebensmonate
from workbench.rules.elterngeld.netto import elterngeld_netto
from workbench.rules.elterngeld.plan import (
    BASIS, BONUS, LEBENSMONATE, NONE, PLUS, Limits, PlanSituation, income_limit, limits,
    simultaneous_basis_allowed_without_limit,
)

if TYPE_CHECKING:
    from workbench.case import Case, Parent
    from workbench.case.constraints import PlanConstraints

P = parameters("elterngeld")
KINDS = (NONE, BASIS, PLUS, BONUS)
CODE = {NONE: "-", BASIS: "B", PLUS: "P", BONUS: "+"}
KIND_OF_CODE = {code: kind for kind, code in CODE.items()}
UNITS = {NONE: 0, BASIS: 2, PLUS: 1, BONUS: 0}
"""Contingent used, in half Basis months: a Plus month counts half (§ 4 Abs. 3 Satz 3, § 4a Abs. 2 Satz 2 BEEG);
Partnerschaftsbonus months come on top (§ 4b Abs. 1 BEEG)."""


def cents(amount: Decimal) -> int:
    """Euros to whole cents (amounts are already rounded to the cent by the rules)."""
    return int(amount * 100)


@dataclass(frozen=True)
class Konflikt:
    """A constraint that no legal plan can meet in a month, with the rule it runs into."""

    constraint: str
    parent: str
    month: int
    rule: str


class Preise:
    """One parent's amounts per Lebensmonat, computed with the engine's functions, and the household's
    other money in the month (work, Mutterschaftsleistungen) from the household model's own classes.

    Rechtsgrundlage: § 2 Abs. 1–4, § 2a, § 3, § 4a Abs. 2, § 4b BEEG
    """

    def __init__(self, case: "Case", parent: "Parent") -> None:
        child = case.plan_child()
        self.birth = start(child)  # the day an adopted child was taken in (§ 1 Abs. 3 Satz 2 BEEG)
        self.count = case.household.birth_size(child)
        self.erwerb = erwerb_vor_geburt(parent, child, Explanation(), termin(case), start=self.birth,
                                        skip=elterngeld_vorher(case, parent))
        self.netto_vor = elterngeld_netto(self.erwerb, self.birth).fuer_betraege  # the engine's figure: unrounded for mixed income (ADR 0025)
        self.rate = betrag.ersatzrate(self.netto_vor, self.birth)
        self.maternity = mutterschutz_monate(case, parent, child)
        self.arbeit = Arbeitsplan(case, parent, self.erwerb, self.maternity)
        self.schutz = Mutterschaftsleistungen(case, parent, self.arbeit.full_net)
        pt = self.arbeit.wish.part_time if self.arbeit.wish is not None else None
        if self.arbeit.wish is None:
            self.gross = {m: r.gross_monthly for r in parent.income_after_birth for m in r.months()}
            self.hours = {m: r.hours_per_week for r in parent.income_after_birth for m in r.months()}
        else:  # the wish's part-time, in every month that could carry it (which kinds do: ``earns``)
            months = [m for m in range(1, LEBENSMONATE + 1) if m not in self.maternity] if pt is not None else []
            self.gross = {m: pt.gross_monthly for m in months} if pt is not None else {}
            self.hours = {m: pt.hours_per_week for m in months} if pt is not None else {}
        older = geschwister(case, parent)
        self.gb = tuple(geschwisterbonus_berechtigt(older, lm.start, self.birth) if older else False
                        for lm in lebensmonate(self.birth, LEBENSMONATE))
        self._netto_nach = lru_cache(maxsize=None)(self._netto_nach_uncached)

    def _netto_nach_uncached(self, months: tuple[int, ...]) -> Decimal:
        return einkommen_nach_geburt(self.erwerb, self.gross, list(months), self.birth).elterngeld_netto

    def netto_nach(self, months: tuple[int, ...]) -> Decimal:
        """Elterngeld-Netto of the average income after the birth over these months (§ 2 Abs. 3 BEEG)."""
        return self._netto_nach(months)

    def betrag(self, month: int, plus: bool, netto_nach: Decimal) -> Decimal:
        """What the month pays with this income after the birth (0 in a Mutterschutz month)."""
        if month in self.maternity:
            return ZERO
        return self.voll(month, plus, netto_nach)

    def voll(self, month: int, plus: bool, netto_nach: Decimal) -> Decimal:
        """The month's amount without Mutterschaftsleistungen (§ 2, § 2a, § 4a Abs. 2 BEEG)."""
        return sum(betrag.monatsbetrag(self.netto_vor, netto_nach, self.rate, plus, self.gb[month - 1],
                                       self.count, self.birth), ZERO)

    def hours_in(self, month: int, kind: str) -> Decimal:
        """Weekly hours of work in the month when the parent takes ``kind`` (§ 1 Abs. 6, § 4b BEEG)."""
        return self.arbeit.in_month(month, kind).hours

    def earns(self, month: int, kind: str) -> bool:
        """Whether a month of ``kind`` carries income after the birth for Elterngeld (§ 2 Abs. 3 BEEG)."""
        return kind != NONE and self.gross.get(month, ZERO) > ZERO and \
            self.arbeit.in_month(month, kind).what in ("part_time", "entered")

    def extra(self, month: int, kind: str) -> Decimal:
        """The household's money in the month besides the engine's Elterngeld: net pay from work,
        Mutterschaftsleistungen and the Elterngeld of the uncovered days of a partly covered month."""
        out = self.arbeit.in_month(month, kind).net + self.schutz.in_month(month)
        if kind == BASIS and month in self.maternity:
            out += self.schutz.teilmonat(month, self.voll(month, False, ZERO))
        return out

    def plan_amounts(self, kinds: list[str]) -> list[Decimal]:
        """The amount of every Lebensmonat for a whole plan of this parent, as the engine pays it."""
        basis = tuple(m for m, k in enumerate(kinds, 1) if k == BASIS and m not in self.maternity)
        plus = tuple(m for m, k in enumerate(kinds, 1) if k in (PLUS, BONUS) and m not in self.maternity)
        nach = {False: self.netto_nach(tuple(m for m in basis if self.earns(m, BASIS))),
                True: self.netto_nach(tuple(m for m in plus if self.earns(m, kinds[m - 1])))}
        out = []
        for m, kind in enumerate(kinds, 1):
            if kind == NONE:
                out.append(ZERO)
                continue
            is_plus = kind != BASIS
            out.append(self.betrag(m, is_plus, nach[is_plus] if self.earns(m, kind) else ZERO))
        return out


@dataclass
class ElternteilModell:
    """One parent for the search: allowed kinds and cents per Lebensmonat, income classes, month limits."""

    pid: str
    preise: Preise
    allowed: list[frozenset[str]]
    month_cents: dict[tuple[int, str], int]
    extra: dict[tuple[int, str], int]   # cents besides Elterngeld per (month, kind): Preise.extra
    tracked_class: dict[int, int] = field(default_factory=dict)
    classes: list[tuple[Decimal, bool, tuple[int, ...]]] = field(default_factory=list)
    min_count: int = 0
    max_count: int | None = None
    earliest: int | None = None

    @property
    def tracked(self) -> bool:
        return bool(self.classes)

    def income_cents(self, counts: tuple[int, ...]) -> int:
        """The tracked income months, priced once the counts per class and kind are known (§ 2 Abs. 3 BEEG)."""
        return _income_cents(self, counts)


def _income_cents(model: ElternteilModell, counts: tuple[int, ...]) -> int:
    n = len(model.classes)
    total = 0
    for offset, plus in ((0, False), (n, True)):
        part = counts[offset:offset + n]
        if not any(part):
            continue
        months = tuple(sorted(m for (_, _, ms), c in zip(model.classes, part) for m in ms[:c]))
        nach = model.preise.netto_nach(months)
        for (_, _, ms), c in zip(model.classes, part):
            if c:
                total += c * cents(model.preise.betrag(ms[0], plus, nach))
    return total


@dataclass
class Modell:
    """The whole search problem: parents, month windows, constraints that couple the parents."""

    situation: PlanSituation
    limits: Limits
    parents: list[ElternteilModell]
    simultaneous_limited: bool
    simultaneous_until: int
    simultaneous_max: int
    bonus_joint: bool
    min_household_cents: int | None
    income_limit_violated: bool
    conflicts: list[Konflikt]
    language: str
    household: bool = False
    """Objective ``household_income``: every action also earns the parents' :attr:`ElternteilModell.extra`."""


def _rule_allowed(m: int, pr: Preise, s: PlanSituation, lim: Limits, bonus_possible: bool) -> frozenset[str]:
    """Kinds the planning rules allow one parent in month ``m`` on their own (§ 1 Abs. 6, § 4 Abs. 1, 4, 5, § 4b).

    The hours are those of the work the parent would do in a month of that kind (:class:`Arbeitsplan`)."""
    limit = P.value("wochenstunden_hoechstgrenze", s.birth)
    if m in pr.maternity:
        too_long = pr.hours.get(m, ZERO) > limit
        return frozenset() if too_long else frozenset({BASIS})  # both rules at once: no legal plan
    kinds = {NONE}
    if pr.hours_in(m, PLUS) <= limit:
        kinds.add(PLUS)
    if m <= lim.basis_until and pr.hours_in(m, BASIS) <= limit:
        kinds.add(BASIS)
    band = P.value("partnerschaftsbonus_wochenstunden", s.birth)
    if bonus_possible and band["mindestens"] <= pr.hours_in(m, BONUS) <= band["hoechstens"]:
        kinds.add(BONUS)
    return frozenset(kinds)


def _wanted(c: "PlanConstraints", pid: str, two: bool) -> dict[int, tuple[str, frozenset[str]]]:
    """Per Lebensmonat the constraints of one parent (joined by "+") and the kinds they leave."""
    wanted: dict[int, tuple[str, frozenset[str]]] = {}

    def want(month: int, name: str, kinds: frozenset[str]) -> None:
        prev = wanted.get(month)
        wanted[month] = (name if prev is None else f"{prev[0]}+{name}", kinds & prev[1] if prev else kinds)

    taking = frozenset({BASIS, PLUS, BONUS})
    for m in c.at_home.get(pid, []):
        want(m, "at_home", taking)
    for m in c.at_work.get(pid, []):
        want(m, "at_work", frozenset({NONE}))
    for i, code in enumerate(c.fixed.get(pid, ""), 1):
        if code != ".":
            want(i, "fixed", frozenset({KIND_OF_CODE[code]}))
    rtw = c.return_to_work.get(pid)
    if rtw is not None and rtw.latest is not None:
        for m in range(rtw.latest, LEBENSMONATE + 1):
            want(m, "return_to_work", frozenset({NONE}))
    if c.both_at_home_month_1 and two:
        want(1, "both_at_home_month_1", taking)
    return wanted


def build_model(case: "Case", household: bool = False) -> Modell:
    """Translate the case and its ``elterngeld_plan.constraints`` into the search problem.

    ``household``: rank by the household's money (Elterngeld, pay, Mutterschaftsleistungen), not Elterngeld alone."""
    s = plan_situation(case)
    lim = limits(s)
    plan = case.elterngeld_plan
    c = plan.constraints if plan is not None else None
    two = len(s.parent_ids) == 2
    bonus_possible = two or s.single_parent
    conflicts: list[Konflikt] = []
    parents = []
    entitled = berechtigung(case)  # § 1 Abs. 1, 3 BEEG and the 8th birthday of § 4 Abs. 1 Satz 3 (ADR 0032)
    for parent in case.household.parents:
        pid = parent.id
        pr = Preise(case, parent)
        wanted = _wanted(c, pid, two) if c is not None else {}
        allowed = []
        none_only = elterngeld_grundlage(entitled.relations[pid]) is None
        for m in range(1, LEBENSMONATE + 1):
            rule = _rule_allowed(m, pr, s, lim, bonus_possible)
            if none_only or (entitled.last_day is not None and entitled.month_ends[m - 1] > entitled.last_day):
                rule = rule & frozenset({NONE})
            if not rule:
                conflicts.append(Konflikt("income_after_birth", pid, m, "maternity_months_fixed+hours_limit"))
            if m in wanted:
                name, kinds = wanted[m]
                if not rule & kinds:
                    conflicts.append(Konflikt(name, pid, m, _blocking_rule(m, pr, s, lim, kinds)))
                rule = rule & kinds
            allowed.append(rule)
        month_cents: dict[tuple[int, str], int] = {}
        eg_income = [m for m in range(1, LEBENSMONATE + 1) if m not in pr.maternity
                     and any(pr.earns(m, k) for k in allowed[m - 1] - {NONE})]
        tracked = len({pr.gross[m] for m in eg_income}) > 1
        classes: dict[tuple[Decimal, bool], list[int]] = {}
        for m in range(1, LEBENSMONATE + 1):
            for kind in allowed[m - 1] - {NONE}:
                plus = kind != BASIS
                if pr.earns(m, kind) and m not in pr.maternity:
                    if tracked:
                        classes.setdefault((pr.gross[m], pr.gb[m - 1]), []).append(m)
                        break
                    month_cents[(m, kind)] = cents(pr.betrag(m, plus, pr.netto_nach((m,))))
                else:
                    month_cents[(m, kind)] = cents(pr.betrag(m, plus, ZERO))
        class_list = [(g, gb, tuple(ms)) for (g, gb), ms in classes.items()]
        tracked_class = {m: i for i, (_, _, ms) in enumerate(class_list) for m in ms}
        rtw = c.return_to_work.get(pid) if c is not None else None
        parents.append(ElternteilModell(
            pid=pid, preise=pr, allowed=allowed, month_cents=month_cents,
            extra={(m, k): cents(pr.extra(m, k)) for m in range(1, LEBENSMONATE + 1) for k in allowed[m - 1]},
            tracked_class=tracked_class, classes=class_list,
            min_count=c.min_months.get(pid, 0) if c is not None else 0,
            max_count=c.max_months.get(pid) if c is not None else None,
            earliest=rtw.earliest if rtw is not None and rtw.earliest is not None and rtw.earliest > 1 else None,
        ))
    rule = P.value("gleichzeitiger_basisbezug", s.birth)
    return Modell(
        situation=s, limits=lim, parents=parents,
        simultaneous_limited=two and not simultaneous_basis_allowed_without_limit(s),
        simultaneous_until=int(rule["bis_lebensmonat"]), simultaneous_max=int(rule["hoechstens_monate"]),
        bonus_joint=two, min_household_cents=(cents(c.min_household_income) if c is not None
                                              and c.min_household_income is not None else None),
        income_limit_violated=bool(income_limit({p: [BASIS] for p in s.parent_ids}, s)),
        conflicts=conflicts, language=case.language, household=household,
    )


def _blocking_rule(m: int, pr: Preise, s: PlanSituation, lim: Limits, kinds: frozenset[str]) -> str:
    """The planning rule id that forbids every kind a constraint asks for in month ``m``."""
    if m in pr.maternity:
        return "maternity_months_fixed"
    if pr.hours.get(m, ZERO) > P.value("wochenstunden_hoechstgrenze", s.birth):
        return "hours_limit"
    if BONUS in kinds:
        return "bonus_requires_income" if len(s.parent_ids) == 2 or s.single_parent else "bonus_not_parallel"
    if BASIS in kinds and m > lim.basis_until:
        return "basis_after_month_14"
    return "constraint_conflict"
