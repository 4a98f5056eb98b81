"""The family comparison: up to four Elterngeld plans side by side, and what makes the difference.

Used by the comparison page (:mod:`workbench.ui.pages.vergleich`) and the handout (:mod:`workbench.report`).

- :func:`plan_choices` lists what can be compared: the plan of the case, the advisor's own plans
  (``elterngeld_alternatives``), the ready-made variants and the optimizer's best plans.
- :func:`compare` computes each chosen plan with the household model (:mod:`.elterngeld.haushalt`, ADR
  0028): per parent and Lebensmonat the Elterngeld and the other money of the household (net pay from
  work — part-time, full-time or none as the case and the family's work wishes say — and the
  Mutterschaftsleistungen), totals, months with Elterngeld per parent and the gap to the best plan
  shown (by household income); Kindergeld apart.
- :func:`difference_sentence` says in one plain sentence, in German or English, how much more or
  less a plan brings than another and in which months of which parent, computed from the months.

The chart of a plan (SVG and its table for screen readers) is drawn by :mod:`workbench.report.vergleich`.
"""

from __future__ import annotations

from datetime import date

from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from workbench.errors import WorkbenchError
from workbench.i18n import format_money, text
from workbench.money import ZERO
from workbench.evaluation.elterngeld.optimize import (
    BewerteterPlan, Objective, comparison_objective, constraint_violations, evaluate, optimize, ranking_figure,
)
from workbench.evaluation.elterngeld.optimize_explain import month_reasons
from workbench.evaluation.elterngeld.optimize_model import Modell, build_model
from workbench.rules.elterngeld.plan import LEBENSMONATE

if TYPE_CHECKING:
    from workbench.case import Case

MAX_SHOWN = 4
KINDS = ("basis", "plus", "bonus")
SOURCES = ("case", "own", "best", "variant")


@dataclass(frozen=True)
class Choice:
    """A plan that can be put into the comparison."""

    key: str            # "case", "own:<name>", "best:<n>", "variant:<key>"
    name: str
    source: str         # one of SOURCES
    months: dict[str, str]
    note: str = ""      # a best plan: the sentence on the plans that bring as much (equivalent swaps)


@dataclass
class Spalte:
    """One plan in the comparison, computed by the engine."""

    choice: Choice
    plan: BewerteterPlan
    elterngeld: dict[str, list[Decimal]]   # parent → Elterngeld of Lebensmonate 1–32 (household model)
    work: dict[str, list[Decimal]]         # parent → net pay from work and Mutterschaftsleistungen, Lebensmonate 1–32
    at_home: dict[str, int]                # parent → months with Elterngeld
    gap: Decimal = ZERO                    # household income less than the best plan shown
    sentence: str = ""
    breaks_wishes: bool = False            # misses a constraint of elterngeld_plan.constraints

    @property
    def name(self) -> str:
        return self.choice.name

    @property
    def total(self) -> Decimal:
        """Elterngeld of both parents."""
        return self.plan.total

    @property
    def household_income(self) -> Decimal:
        """The household's money, Lebensmonate 1–32: Elterngeld, Mutterschaftsleistungen, pay from work."""
        return self.plan.household_income

    @property
    def after_tax(self) -> Decimal | None:
        """The household's money after the estimated income tax of the plan's years (§ 32b EStG; an estimate)."""
        return self.plan.household_after_tax

    def ranked_by(self, objective: Objective) -> Decimal:
        """The figure the comparison orders by: the one the search maximises (:func:`ranking_figure`)."""
        return ranking_figure(objective, self.total, self.household_income, self.after_tax)

    @property
    def kindergeld(self) -> Decimal:
        """Kindergeld for the plan's child(ren) over Lebensmonate 1–32 (the same in every plan, shown apart)."""
        return sum(self.plan.haushalt.kindergeld, ZERO)

    def parent_total(self, pid: str) -> Decimal:
        return self.plan.result.parents[pid].total

    def parent_income(self, pid: str) -> Decimal:
        return sum(self.elterngeld[pid], ZERO) + sum(self.work[pid], ZERO)

    def kind_counts(self, pid: str) -> dict[str, int]:
        """Months per kind (Basis, Plus, Bonus) of one parent; Mutterschutz months count as Basis."""
        counts = dict.fromkeys(KINDS, 0)
        for m in self.plan.result.parents[pid].months:
            counts[m.kind] = counts.get(m.kind, 0) + 1
        return counts


@dataclass
class Vergleichsansicht:
    """The plans shown, the best by the case's objective first."""

    columns: list[Spalte]
    parent_ids: list[str]
    names: dict[str, str]
    language: str
    last_month: int = 0
    notes: list[str] = field(default_factory=list)
    birth: date | None = None
    """The plan child's birth: the chart names the calendar month under each Lebensmonat (issue 24)."""
    objective: Objective = "household_income"
    """What "bester Plan" and the difference to it are measured by (:func:`comparison_objective`)."""

    @property
    def best(self) -> Spalte | None:
        return self.columns[0] if self.columns else None


def parent_names(case: "Case") -> dict[str, str]:
    """First names, or "Elternteil A" when a parent has none."""
    return {p.id: (p.name or "").strip() or text("vgl.parent_unnamed", case.language, id=p.id)
            for p in case.household.parents}


def _trimmed(months: dict[str, str]) -> dict[str, str]:
    return {pid: codes.rstrip("-") for pid, codes in months.items() if codes.rstrip("-")}


def plan_choices(case: "Case", best: list[BewerteterPlan] | None = None, with_variants: bool = True) -> list[Choice]:
    """Everything the advisor can compare: the case's and the own plans, then each further plan once.

    ``best``: the optimizer's plans to offer (None: the best plan without further search, computed here).
    Variants that break a rule for this family are left out (their reason is in ``workbench compare``).
    """
    from workbench.evaluation.elterngeld.variants import ready_variants

    lang = case.language
    out: list[Choice] = []
    seen: list[dict[str, str]] = []

    def add(key: str, name: str, source: str, months: dict[str, str], note: str = "") -> None:
        trimmed = _trimmed(months)
        if trimmed and (source in ("case", "own") or trimmed not in seen):  # the advisor's plans always show
            seen.append(trimmed)
            out.append(Choice(key, name, source, trimmed, note))

    plan = case.elterngeld_plan
    if plan is not None:
        add("case", text("vgl.plan_case", lang), "case", dict(plan.months))
    for alt in case.elterngeld_alternatives:
        add(f"own:{alt.name}", alt.name, "own", dict(alt.months))
    if best is None:
        try:
            best = optimize(case, comparison_objective(case), top=1).plans
        except WorkbenchError:
            best = []
    for i, found in enumerate(best, 1):
        add(f"best:{i}", text("vgl.plan_best", lang, rank=i) if len(best) > 1 else text("vgl.plan_best_one", lang),
            "best", found.months, found.tie)
    if with_variants:
        try:
            variants = ready_variants(case)
        except WorkbenchError:
            variants = []
        for v in variants:
            if v.plan is not None and v.months:
                add(f"variant:{v.key}", v.name(lang), "variant", v.months)
    return out


def default_selection(choices: list[Choice]) -> list[str]:
    """The plan of the case and the own plans, then the best plan, then variants: four at most, at least two."""
    order = sorted(choices, key=lambda c: SOURCES.index(c.source))
    picked = [c.key for c in order if c.source in ("case", "own")][:MAX_SHOWN - 1]
    picked += [c.key for c in order if c.source == "best"][:1]
    for c in order:
        if len(picked) >= 2:
            break
        if c.key not in picked:
            picked.append(c.key)
    return picked[:MAX_SHOWN]


def compare(case: "Case", chosen: list[Choice], model: Modell | None = None) -> Vergleichsansicht:
    """The chosen plans computed by the engine, the best by the case's objective first, with their sentences.

    Every column carries the household figure after the estimated income tax (``after_tax``,
    :mod:`workbench.evaluation.steuer.aus_haushalt`); with the objective ``household_after_tax`` the
    columns are ordered, and the gap measured, by it."""
    from workbench.evaluation.steuer.aus_haushalt import mit_steuer

    model = model or build_model(case)
    objective = comparison_objective(case)
    pids = [p.id for p in case.household.parents]
    columns: list[Spalte] = []
    for choice in chosen[:MAX_SHOWN]:
        plan = mit_steuer(case, evaluate(case, choice.months, model))
        h = plan.haushalt
        elterngeld = {pid: h.column(pid, "elterngeld") for pid in pids}
        work = {pid: [g.arbeit.net + g.mutterschaft for g in h.per_parent[pid]] for pid in pids}
        at_home = {pid: len(plan.result.parents[pid].months) for pid in pids}
        wishes = case.elterngeld_plan is not None and case.elterngeld_plan.constraints is not None
        columns.append(Spalte(choice, plan, elterngeld, work, at_home,
                              breaks_wishes=wishes and bool(constraint_violations(choice.months, model))))
    columns.sort(key=lambda c: c.ranked_by(objective), reverse=True)  # stable: the chosen order breaks ties
    view = Vergleichsansicht(columns, pids, parent_names(case), case.language, birth=case.plan_child().birth_date,
                             objective=objective)
    if not columns:
        return view
    best = columns[0]
    for c in columns:
        c.gap = best.ranked_by(objective) - c.ranked_by(objective)
    names = view.names
    for i, c in enumerate(columns):
        other = columns[1] if i == 0 and len(columns) > 1 else best
        c.sentence = difference_sentence(c, other, names, case.language) if other is not c else ""
    view.last_month = max((m for c in columns for pid in pids for m in range(1, LEBENSMONATE + 1)
                           if c.elterngeld[pid][m - 1] or c.work[pid][m - 1]), default=0)
    return view


def chosen_first(view: Vergleichsansicht) -> list[Spalte]:
    """The plans shown, the family's chosen plan first (the case's plan, else an own plan, else the first
    shown): the handout leads with it and says so by name."""
    rank = {"case": 0, "own": 1}
    return sorted(view.columns, key=lambda c: rank.get(c.choice.source, 2))


def _months(count: int, lang: str) -> str:
    return text("vgl.months_one" if count == 1 else "vgl.months_many", lang, count=count)


def describe_months(counts: dict[str, int], lang: str) -> str:
    """``12 Monate Basiselterngeld und 2 Monate Partnerschaftsbonus`` (or ``kein Elterngeld``)."""
    parts = [text("vgl.kind_count", lang, months=_months(n, lang), kind=text(f"art.{kind}", lang))
             for kind, n in counts.items() if n]
    if not parts:
        return text("art.none", lang)
    if len(parts) == 1:
        return parts[0]
    return f"{', '.join(parts[:-1])} {text('vgl.and', lang)} {parts[-1]}"


def difference_sentence(this: Spalte, other: Spalte, names: dict[str, str], lang: str) -> str:
    """One or two plain sentences: how much more or less ``this`` brings than ``other``, and why.

    The reasons are the months in which the parents do something else in the two plans (kind of
    Elterngeld and work), largest difference in household money first (at most two), computed from the
    months of both plans (:func:`~workbench.evaluation.elterngeld.optimize_explain.month_reasons`).
    """
    diff = this.household_income - other.household_income
    if diff == ZERO:
        head = text("vgl.same", lang, plan=this.name, other=other.name)
    else:
        key = "vgl.more" if diff > 0 else "vgl.less"
        head = text(key, lang, plan=this.name, other=other.name, amount=format_money(abs(diff), lang))
    reasons = month_reasons(this.plan.haushalt, other.plan.haushalt, names, "total", lang, key="vgl.reason_months")
    if not reasons:
        return head + "."
    return text("vgl.because", lang, head=head, reasons=text("vgl.reason_join", lang).join(r for _, r in reasons[:2]))
