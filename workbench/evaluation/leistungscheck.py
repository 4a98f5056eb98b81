"""The Leistungscheck of one case: six benefits, their interactions, and hints.

:func:`leistungscheck` maps the case (format 2) onto each rule's inputs (the pure rules of
:mod:`workbench.rules.leistungen`; Kinderzuschlag and Wohngeld through :mod:`.kiz_wohngeld`) and
applies the interactions of benefits.md § 14:

1. UVG is computed first; it is the child's income for the Kinderzuschlag (45 %).
2. KiZ or Wohngeld (even 1 €) open Bildung und Teilhabe (§ 6b BKGG) and make the Kita free
   (§ 90 Abs. 4 SGB VIII): a hint names the Kita children.
3. KiZ + Wohngeld against Bürgergeld (§ 12a SGB II): if they do not end the need, a hint says the
   household should be checked for Bürgergeld instead, with the gap.
4. Kindergeld counts as the child's income in the Bürgergeld comparison (§ 11 Abs. 1 Satz 5
   SGB II) and is excluded from the parents' income for KiZ (§ 6a BKGG) and Wohngeld (§ 14 WoGG).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from workbench.clock import today as clock_today
from workbench.evaluation import kiz_wohngeld
from workbench.explain import Explanation
from workbench.i18n import format_date, text
from workbench.money import ZERO, round_cent
from workbench.parameter_tracking import ProvisionalValue, UnverifiedValue, tracking
from workbench.parameters import parameters
from workbench.rules.leistungen.bildung_teilhabe import ButKind, bildung_teilhabe
from workbench.rules.grundsicherung.buergergeld import Buergergeld, buergergeld, fehlbetrag
from workbench.rules.leistungen.guenstigerpruefung import Guenstigerpruefung, kinderfreibetrag
from workbench.evaluation.laufend import mark_running
from workbench.evaluation.zuzug import blocked_benefits, excluded
from workbench.rules.leistungen.kindergeld import KindergeldKind, kindergeld
from workbench.rules.leistungen.kindergeld_berechtigte import bestimmen_untereinander, kindergeld_berechtigte
from workbench.case.verhaeltnis import legal_parents
from workbench.rules.leistungen.offices import BENEFITS
from workbench.rules.leistungen.result import BenefitResult
from workbench.rules.leistungen.unterhaltsvorschuss import UvgElternteil, UvgKind, unterhaltsvorschuss

if TYPE_CHECKING:
    from workbench.case import Case, Child

P = parameters("leistungen")


@dataclass(frozen=True)
class Hint:
    """An interaction the advisor should act on: message key and its arguments."""

    key: str
    args: dict[str, str] = field(default_factory=dict)
    children: tuple[tuple[str | None, date], ...] = ()
    """Children the hint is about, as (first name, birth date): named in the language it is rendered in
    ("Mia und das Kind geboren am 15.10.2021"), never by their ids in the case."""

    def render(self, language: str) -> str:
        args = dict(self.args)
        if self.children:
            labels = [name or text("leistungen.child_born", language, date=format_date(born, language))
                      for name, born in self.children]
            args["children"] = (", ".join(labels[:-1]) + f" {text('leistungen.and', language)} " + labels[-1]
                                if len(labels) > 1 else labels[0])
        return text(self.key, language, **args)


@dataclass(frozen=True)
class Leistungscheck:
    """All six results (in the order of ``BENEFITS``), the hints and the date checked."""

    on: date
    results: dict[str, BenefitResult]
    hints: tuple[Hint, ...]
    bedarf: Explanation
    provisional: tuple[ProvisionalValue, ...] = ()
    """Every latest-known value used after its update was due, over all benefits and the Bürgergeld comparison."""
    bedarf_unverified: tuple[UnverifiedValue, ...] = ()
    """Unverified values of the Bürgergeld comparison (Regelbedarfe): the advisor's hint says "bitte prüfen"."""
    buergergeld: Buergergeld | None = None
    """The Bürgergeld comparison amount (need, counted income, Bürgergeld, Sofortzuschlag apart); ``None`` without
    income or rent."""


def check_date(case: Case, today: date | None = None) -> date:
    """The date of the check: the one the advisor picked (``household.benefits.check_date``), else today.

    Issue 24: the check used to run for 1 July of a chosen year and never said so; a child who turned
    12 in September was still "unter 12" in December. Today is the day the family sits at the desk;
    the date is printed on every card and on the handout, and :mod:`.leistungscheck_ahead` names the
    months ahead where an amount changes. Cases saved with only the older ``benefits.year`` keep their
    day (1 July of that year), shown like any other date; the wizard replaces the year by the date.
    Not clipped to the years with values: after them the result is provisional (latest known values,
    ADR 0019); before them the parameter lookup says in German which years are supported.
    """
    today = today or clock_today()
    benefits = case.household.benefits
    if benefits is not None and benefits.check_date is not None:
        return benefits.check_date
    year = benefits.year if benefits is not None else None
    return today if year is None else date(year, 7, 1)


def first_year() -> int:
    """The first calendar year all Leistungscheck rules have values for (from the parameter files, not code).

    The latest first ``valid_from`` over the parameters of the Leistungscheck, KiZ and Wohngeld
    (the Kinderfreibetrag starts on 01.01.2025); a first value in mid-year starts the next year.
    Parameters a law ended (``valid_until``) only serve older peer cases and are left out.
    """
    starts = [p.values[0].valid_from for benefit in ("leistungen", "kinderzuschlag", "wohngeld")
              for p in parameters(benefit).parameters.values() if p.values[-1].valid_until is None]
    latest = max(starts)
    return latest.year if (latest.month, latest.day) == (1, 1) else latest.year + 1


def years_offered(today: date) -> list[int]:
    """The years the wizard offers: this year first, then next year, then the earlier ones with values."""
    this = today.year
    return [this, this + 1, *range(this - 1, first_year() - 1, -1)] if this >= first_year() else \
        list(range(max(this + 1, first_year()), first_year() - 1, -1))


def _born(child: Child, on: date) -> bool:
    return not child.expected and child.birth_date <= on


def _gross(case: Case) -> Decimal:
    return sum((p.current_income.gross_monthly for p in case.household.parents if p.current_income), ZERO)


def _tracked(compute: Callable[[], BenefitResult]) -> BenefitResult:
    """``compute()`` with the provisional values it used attached (each benefit says "vorläufig" for itself)."""
    with tracking() as used:
        result = compute()
    return replace(result, provisional=used.provisional) if used.provisional else result


def leistungscheck(case: Case, on: date | None = None) -> Leistungscheck:
    """Every benefit of the household for the month of ``on`` (default :func:`check_date`)."""
    on = on or check_date(case)
    with tracking() as used:
        check = _leistungscheck(case, on)
    return replace(check, provisional=used.provisional)


def _leistungscheck(case: Case, on: date) -> Leistungscheck:
    h = case.household
    children = [c for c in h.children if _born(c, on)]
    results: dict[str, BenefitResult] = {}

    results["kindergeld"] = kg = _tracked(lambda: kindergeld_of_case(case, on))
    blocked = blocked_benefits(case, on)  # a residence title that excludes benefits (§ 62 Abs. 2 EStG, issue 21)
    if "kindergeld" in blocked:
        results["kindergeld"] = kg = excluded(kg, blocked["kindergeld"])
    kg_children = sum(1 for c in kg.children if c.eligible)
    results["kinderfreibetrag"] = _tracked(lambda: _kinderfreibetrag(case, kg_children, on))

    benefits = h.benefits
    results["unterhaltsvorschuss"] = uvg = _tracked(lambda: unterhaltsvorschuss_of_case(case, on))
    uvg_by_child = {c.child_id: c.monthly for c in uvg.children}

    # KiZ and Wohngeld need each other: Wohngeld enters the KiZ need test (§ 6a Abs. 1 Nr. 3 BKGG),
    # KiZ the Wohngeld income plausibility. Wohngeld without KiZ first, then KiZ, then Wohngeld again.
    kg_by_child = {c.child_id: c.monthly for c in kg.children}
    wg_first = kiz_wohngeld.wohngeld(case, on, kg_by_child, uvg_by_child)
    wg_amount = wg_first.monthly if wg_first.eligible is not False else ZERO
    results["kinderzuschlag"] = kiz = _tracked(lambda: kiz_wohngeld.kinderzuschlag(
        case, on, kg_by_child, uvg_by_child, None if wg_first.eligible is None and not wg_amount else wg_amount))
    # only a granted KiZ counts in the Wohngeld plausibility test: a KiZ "zu prüfen" (Bürgergeld prüfen)
    # is not paid when KiZ and Wohngeld leave the household in need (§ 6a Abs. 1 Nr. 3 BKGG)
    results["wohngeld"] = wg = _tracked(lambda: kiz_wohngeld.wohngeld(case, on, kg_by_child, uvg_by_child,
                                                                      kiz.monthly if kiz.eligible else ZERO))
    for benefit in ("kinderzuschlag", "unterhaltsvorschuss", "wohngeld"):
        if benefit in blocked:
            results[benefit] = excluded(results[benefit], blocked[benefit])
    kiz, wg = results["kinderzuschlag"], results["wohngeld"]
    basis = _basis(kiz, wg, bool(benefits and benefits.receives_buergergeld))
    results["bildung_teilhabe"] = _tracked(lambda: bildung_teilhabe([ButKind(
        c.id, c.birth_date, True, c.situation.education if c.situation else "none",
        c.situation.lunch_monthly if c.situation else ZERO, c.situation.trips_year if c.situation else ZERO)
        for c in children], basis, on))

    with tracking() as used:
        hints, bedarf, vergleich = _hints(case, on, results, uvg_by_child)
    if used.unverified and not any(hint.key == "leistungen.hint.unverified" for hint in hints):
        hints.append(Hint("leistungen.hint.unverified"))
    results = mark_running(case, results)
    return Leistungscheck(on, {b: results[b] for b in BENEFITS}, tuple(hints), bedarf,
                          bedarf_unverified=used.unverified, buergergeld=vergleich)


def kindergeld_of_case(case: Case, on: date) -> BenefitResult:
    """The Kindergeld rule on the case's children (their ``situation``: school, work, household)."""
    kinder = []
    for c in case.household.children:
        s = c.situation
        kinder.append(KindergeldKind(
            c.id, c.birth_date, _born(c, on), s.education if s else "none", bool(s and s.first_qualification_completed),
            s.work_hours_per_week if s else ZERO, c.disability, s.lives_with_applicant if s else True))
    return kindergeld(kinder, on)


def kindergeld_hints(case: Case, on: date) -> list[Hint]:
    """Who may receive the Kindergeld of a child that is not the child of every parent of the household, or
    that was taken in (step-, foster or adopted child): the Obhutsprinzip of § 64 Abs. 2 EStG."""
    h = case.household
    names = {p.id: p.name or p.id for p in h.parents}
    out: list[Hint] = []
    for c in h.children:
        running = c.receives is not None and c.receives.kindergeld is not None
        if not _born(c, on) or (c.parents is None and c.placement is None) or len(h.parents) < 2 or running:
            continue
        who = kindergeld_berechtigte([p.id for p in h.parents], legal_parents(h, c), h.married,
                                     c.placement.kind if c.placement else None)
        child = c.personal.first_name if c.personal and c.personal.first_name else c.id
        if bestimmen_untereinander(who):
            out.append(Hint("leistungen.hint.kg_bestimmen", {"child": child, "parents": " / ".join(names[p] for p in who)}))
        elif who:
            others = [names[p.id] for p in h.parents if p.id not in who]
            out.append(Hint("leistungen.hint.kg_nur", {"child": child, "parent": names[who[0]], "other": ", ".join(others)}))
    return out


def unterhaltsvorschuss_of_case(case: Case, on: date) -> BenefitResult:
    """The UVG rule on the case: the first parent is the one the children live with."""
    h = case.household
    kinder = [UvgKind(c.id, c.birth_date, True, c.situation is None or c.situation.lives_with_applicant,
                      bool(c.situation and c.situation.shared_care),
                      c.situation.maintenance_monthly if c.situation else ZERO,
                      c.situation.orphan_benefit_monthly if c.situation else ZERO)
              for c in h.children if _born(c, on)]
    income = h.parents[0].current_income
    # § 1 Abs. 1a Satz 1 Nr. 2 UVG: income in the sense of § 11 Abs. 1 Satz 1 SGB II (without Kindergeld);
    # Elterngeld counts above its free part of § 10 Abs. 1, 3, 4 BEEG (the UVG is not named in § 10 Abs. 5)
    eltern = UvgElternteil(h.single_parent and len(h.parents) == 1,
                           bool(h.benefits and h.benefits.receives_buergergeld),
                           income.gross_monthly + kiz_wohngeld.other_income(income, on, "unterhaltsvorschuss")
                           if income else ZERO)
    return unterhaltsvorschuss(kinder, eltern, on)


def _basis(kiz: BenefitResult, wg: BenefitResult, buergergeld: bool) -> bool | None:
    """Whether a benefit that opens BuT is paid: KiZ or Wohngeld (§ 6b BKGG) or Bürgergeld (§ 28 SGB II)."""
    if buergergeld or (kiz.eligible and kiz.monthly > 0) or (wg.eligible and wg.monthly > 0):
        return True
    if kiz.eligible is None or wg.eligible is None:
        return None
    return False


def _kinderfreibetrag(case: Case, children: int, on: date) -> BenefitResult:
    h = case.household
    # the typed zvE, else the one derived from the gross pay (rules/leistungen/nettoeinkommen.py)
    incomes = [kiz_wohngeld.zve(case, p.current_income, on) if p.current_income else None for p in h.parents]
    if any(i is None for i in incomes):
        return BenefitResult("kinderfreibetrag", None, ZERO, ("leistungen.kfb.no_income",), Explanation())
    joint = h.married and len(h.parents) == 2
    if joint:
        return kinderfreibetrag(Guenstigerpruefung(sum((i for i in incomes if i is not None), ZERO), True, children), on)
    # not jointly assessed: each parent half the allowances and half the Kindergeld (§ 31 Satz 4 EStG)
    per = [kinderfreibetrag(Guenstigerpruefung(i, False, children), on) for i in incomes if i is not None]
    best = max(per, key=lambda r: r.monthly)
    gain = sum((r.monthly for r in per), ZERO)
    explanation = Explanation()
    for r in per:
        explanation.extend(r.explanation)
    eligible = any(r.eligible for r in per)
    return BenefitResult("kinderfreibetrag", eligible, gain, best.reasons, explanation, best.unverified,
                         yearly=sum((r.yearly or ZERO for r in per), ZERO))


def _hints(case: Case, on: date, results: dict[str, BenefitResult],
           uvg_by_child: dict[str, Decimal]) -> tuple[list[Hint], Explanation, Buergergeld | None]:
    h = case.household
    lang = case.language
    hints: list[Hint] = []
    kiz, wg, uvg = results["kinderzuschlag"], results["wohngeld"], results["unterhaltsvorschuss"]
    if uvg.monthly > 0 and kiz.eligible is not False:
        hints.append(Hint("leistungen.hint.uvg_first"))
    opens = (kiz.eligible and kiz.monthly > 0) or (wg.eligible and wg.monthly > 0)
    kita = tuple((c.personal.first_name if c.personal else None, c.birth_date) for c in h.children
                 if c.situation and (c.situation.education == "kita" or c.situation.kita_fee_monthly > 0))
    if opens and kita:
        hints.append(Hint("leistungen.hint.kita_free", children=kita))
    elif kita and (kiz.eligible is None or wg.eligible is None):
        hints.append(Hint("leistungen.hint.kita_free_if", children=kita))
    bedarf = Explanation()
    kg_by_child = {c.child_id: c.monthly for c in results["kindergeld"].children}
    bg = kiz_wohngeld.bedarfsgemeinschaft(case, on, kg_by_child, uvg_by_child)
    vergleich: Buergergeld | None = None
    if bg is not None:
        vergleich = buergergeld(bg, on)
        bedarf = vergleich.explanation
        # "even with KiZ and Wohngeld": their computed amounts, granted or not, as in the KiZ rule's own test
        # (§ 6a Abs. 1 Nr. 3 BKGG: the KiZ shared by the KiZ children as their income), so the hint names the
        # same shortfall as the KiZ card
        kiz_amount = kiz.monthly if kiz.eligible is not False else ZERO
        wg_amount = wg.monthly if wg.eligible is not False else ZERO
        kiz_children = [c.kindergeld > 0 and c.age < 25 for c in bg.children]
        share = kiz_amount / sum(kiz_children) if any(kiz_children) else ZERO
        gap = round_cent(fehlbetrag(bg, [share if k else ZERO for k in kiz_children], wg_amount, on))
        bedarf.add("leistungen.step.bg.gap", gap, "§ 6a Abs. 1 Nr. 3 BKGG, § 12a SGB II",
                   need=vergleich.need, kiz=kiz_amount, wohngeld=wg_amount)
        extra = kiz_amount + wg_amount
        money = {"need": _money(vergleich.need, lang), "income": _money(vergleich.need - gap, lang),
                 "gap": _money(gap, lang)}
        if gap > 0:
            hints.append(Hint("leistungen.hint.buergergeld", money))
        elif kiz.check_buergergeld or wg.check_buergergeld:
            hints.append(Hint("leistungen.hint.buergergeld_rule"))
        elif h.benefits and h.benefits.receives_buergergeld and extra > 0:
            hints.append(Hint("leistungen.hint.leave_buergergeld", money))
        if vergleich.amount > 0:
            # no gap: KiZ and Wohngeld end the need and take priority (§ 12a SGB II); a gap: they are not paid
            # (§ 6a Abs. 1 Nr. 3 BKGG, § 7 Abs. 1 WoGG) unless the KiZ's erweiterter Zugang lets the family choose
            route = "kiz_wohngeld" if gap == 0 else "wahl" if kiz.eligible else "buergergeld"
            hints.append(Hint(f"leistungen.hint.vergleich.{route}", {
                "buergergeld": _money(vergleich.amount, lang), "sofort": _money(vergleich.sofortzuschlag, lang),
                "kiz_wohngeld": _money(extra, lang)}))
    else:
        hints.append(Hint("leistungen.hint.buergergeld_rule" if kiz.check_buergergeld or wg.check_buergergeld
                          else "leistungen.hint.buergergeld_unknown"))
    hints += kindergeld_hints(case, on)
    if any(results[b].unverified for b in BENEFITS):
        hints.append(Hint("leistungen.hint.unverified"))
    return hints, bedarf, vergleich


def _money(value: Decimal, language: str) -> str:
    from workbench.i18n import format_money

    return format_money(value, language)
