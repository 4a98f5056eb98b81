"""A plan's money per parent and calendar year, as the income tax sees it.

For each parent and calendar year from the start of the Mutterschutz (or the birth) to the end of
the plan's last Lebensmonat: the gross wages, the Lohnsteuer withheld on them month by month
(BMF PAP, the case's Steuerklasse), the Elterngeld, and Mutterschaftsgeld plus the employer's
top-up. The default work pattern (``Arbeit``) is read from the case alone and is an assumption,
stated in docs/steuer.md: the pre-birth gross before the Mutterschutz (or the birth) and in every
Lebensmonat without Elterngeld; the part-time gross the case states for a Lebensmonat; nothing in
the Mutterschutz and in Elterngeld months without stated work. The household model of issue 22
item 1 can pass its own ``Arbeit`` (gross per parent and calendar month) instead.
"""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from workbench.evaluation.elterngeld.aufnahme import plan_start
from workbench.money import ZERO, round_cent
from workbench.rules.elterngeld.lebensmonate import lebensmonate
from workbench.rules.elterngeld.plan import LEBENSMONATE, NONE
from workbench.rules.elterngeld.result import ElterngeldResult
from workbench.rules.steuer.lohnsteuer import LohnsteuerInput, lohnsteuer

if TYPE_CHECKING:
    from workbench.case import Case, Parent

CalendarMonth = tuple[int, int]
Arbeit = Mapping[str, Mapping[CalendarMonth, Decimal]]
"""Gross wages per parent id and calendar month (year, month)."""

WITHHELD_KINDS = ("employee", "mixed")


@dataclass(frozen=True)
class PersonJahr:
    """One parent's money in one calendar year."""

    parent_id: str
    arbeitslohn: Decimal          # gross wages subject to Lohnsteuer
    lohnsteuer: Decimal           # withheld, month by month (PAP)
    elterngeld: Decimal
    mutterschaft: Decimal         # Mutterschaftsgeld and the employer's top-up
    gewinn: Decimal = ZERO        # profit of a self-employed parent (no withholding)

    @property
    def leistungen(self) -> Decimal:
        """The benefits under the Progressionsvorbehalt (§ 32b Abs. 1 Satz 1 Nr. 1 Buchst. c, j EStG)."""
        return self.elterngeld + self.mutterschaft


def pre_birth_gross(parent: "Parent") -> Decimal:
    """The monthly gross before the birth: the stated monthly gross or the average of the stated months."""
    inc = parent.income_before_birth
    if inc.kind not in WITHHELD_KINDS:
        return ZERO
    if inc.gross_monthly is not None:
        return inc.gross_monthly
    values = list((inc.gross_by_month or {}).values())
    return round_cent(sum(values, ZERO) / len(values)) if values else ZERO


def schutzfrist(case: "Case", parent: "Parent") -> tuple[date, date] | None:
    """First and last day of the mother's protection period (None without Mutterschaftsleistungen)."""
    from workbench.evaluation.elterngeld.engine import mutterschutz_fristen

    if not parent.maternity_benefit or case.plan_child().placement is not None:  # no birth: no MuSchG
        return None
    fristen = mutterschutz_fristen(case, case.plan_child(), mother=parent.id)
    return fristen.beginn, fristen.ende


def zeitraum(case: "Case") -> tuple[date, date]:
    """First and last day the tax years cover: start of the Mutterschutz (or the birth) to the plan's last Lebensmonat."""
    birth = plan_start(case)  # an adopted child's Lebensmonate count from its taking in (ADR 0032)
    starts = [f[0] for p in case.household.parents if (f := schutzfrist(case, p)) is not None]
    start = min([birth, *starts])
    kinds = case.elterngeld_plan.kinds if case.elterngeld_plan else (lambda _pid: [NONE] * LEBENSMONATE)
    last = max((m for p in case.household.parents for m, k in enumerate(kinds(p.id), 1) if k != NONE), default=1)
    return start, lebensmonate(birth, last)[-1].end


def default_arbeit(case: "Case", result: ElterngeldResult) -> dict[str, dict[CalendarMonth, Decimal]]:
    """Gross wages per parent and calendar month under the case's own work pattern (module docstring)."""
    birth = plan_start(case)  # an adopted child's Lebensmonate count from its taking in (ADR 0032)
    start, end = zeitraum(case)
    lms = lebensmonate(birth, LEBENSMONATE)
    out: dict[str, dict[CalendarMonth, Decimal]] = {}
    for parent in case.household.parents:
        full = pre_birth_gross(parent)
        schutz = schutzfrist(case, parent)
        paid = {mb.month for mb in result.parents[parent.id].months}

        def gross_on(day: date, parent: "Parent" = parent, full: Decimal = full,
                     schutz: tuple[date, date] | None = schutz, paid: set[int] = paid) -> Decimal:
            if schutz is not None and schutz[0] <= day <= schutz[1]:
                return ZERO
            if day < birth or day > lms[-1].end:
                return full
            month = next(lm.number for lm in lms if lm.start <= day <= lm.end)
            stated = parent.income_in_month(month)
            if stated is not None:
                return stated.gross_monthly if parent.income_before_birth.kind in WITHHELD_KINDS else ZERO
            return ZERO if month in paid else full

        out[parent.id] = per_calendar_month(gross_on, date(start.year, 1, 1), date(end.year, 12, 31))
    return out


def per_calendar_month(gross_on: Callable[[date], Decimal], first: date,
                        last: date) -> dict[CalendarMonth, Decimal]:
    """A monthly gross that may change within a month, paid pro rata by calendar days."""
    totals: dict[CalendarMonth, Decimal] = {}
    day = first
    while day <= last:
        days = monthrange(day.year, day.month)[1]
        key = (day.year, day.month)
        totals[key] = totals.get(key, ZERO) + gross_on(day) / days
        day += timedelta(days=1)
    return {k: round_cent(v) for k, v in totals.items()}


def mutterschaft_je_tag(case: "Case", parent: "Parent", result: ElterngeldResult) -> Decimal:
    """Mutterschaftsgeld plus the employer's top-up per calendar day.

    From the case's Mutterschutz data when it has them; otherwise estimated as the net pay per
    calendar day, since Mutterschaftsgeld (13 € a day) and the top-up together make up the net pay
    (§ 19 Abs. 1, § 20 Abs. 1 MuSchG): the Elterngeld-Netto before the Pauschbetrag divided by 30.
    """
    from workbench.evaluation.lebenslagen import mutterschutz_result

    ms = mutterschutz_result(case) if case.mutterschutz is not None and case.mutterschutz.mother == parent.id else None
    if ms is not None and ms.geld is not None:
        geld = ms.geld
        return (geld.kasse_tag + geld.zuschuss_tag) if geld.zahler == "krankenkasse" else (
            (geld.bas_gesamt + geld.zuschuss_gesamt) / geld.tage if geld.tage else ZERO)
    if parent.income_before_birth.kind not in WITHHELD_KINDS:
        return ZERO
    netto = result.parents[parent.id].netto.netto_before
    return (netto / 30) if netto is not None else ZERO


def monthly_lohnsteuer(parent: "Parent", year: int, gross: Decimal, tax_class: int | None = None) -> Decimal:
    """Lohnsteuer withheld on one month's gross (BMF PAP of ``year``, monthly period).

    Rechtsgrundlage: § 38 Abs. 1, § 39b Abs. 2 EStG
    """
    inc = parent.income_before_birth
    if gross <= ZERO or inc.kind not in WITHHELD_KINDS:
        return ZERO
    klasse = tax_class if tax_class is not None else inc.tax_class
    factor = inc.factor if tax_class is None else None
    return lohnsteuer(LohnsteuerInput(
        year=year, re4=gross, stkl=klasse, factor=factor,
        rentenversichert=inc.pension_insured, arbeitslosenversichert=inc.unemployment_insured,
    )).lstlzz


def steuer_jahre(case: "Case", result: ElterngeldResult, arbeit: Arbeit | None = None) -> dict[int, list[PersonJahr]]:
    """Per calendar year, each parent's wages, withheld Lohnsteuer, Elterngeld and maternity money."""
    wages = arbeit if arbeit is not None else default_arbeit(case, result)
    start, end = zeitraum(case)
    # the years of the plan, and every year ``arbeit`` covers (the household model's pass Lebensmonate 1–32,
    # so that every plan is assessed over the same years)
    years = sorted({*range(start.year, end.year + 1), *(y for months in wages.values() for (y, _) in months)})
    out: dict[int, list[PersonJahr]] = {y: [] for y in years}
    for parent in case.household.parents:
        months = wages.get(parent.id, {})
        schutz = schutzfrist(case, parent)
        per_day = mutterschaft_je_tag(case, parent, result) if schutz is not None else ZERO
        profit = parent.income_before_birth.annual_profit or ZERO
        for year in years:
            gross = {m: v for (y, m), v in months.items() if y == year}
            eg = sum((mb.amount for mb in result.parents[parent.id].months if mb.start.year == year), ZERO)
            mu = ZERO
            if schutz is not None:
                first, last = max(schutz[0], date(year, 1, 1)), min(schutz[1], date(year, 12, 31))
                mu = round_cent(per_day * max((last - first).days + 1, 0))
            out[year].append(PersonJahr(
                parent.id, sum(gross.values(), ZERO),
                sum((monthly_lohnsteuer(parent, year, g) for g in gross.values()), ZERO), eg, mu,
                profit if parent.income_before_birth.kind in ("self_employed", "mixed") else ZERO))
    return out
