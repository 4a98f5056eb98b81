"""From the case file to the income the Elterngeld rules see: before and after the birth."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from workbench.explain import Explanation
from workbench.money import ZERO, round_cent
from workbench.parameters import parameters
from workbench.rules.elterngeld.bemessung import (
    bemessungszeitraum,
    durchschnitt,
    mutterschutz_vor_geburt,
    veranlagungszeitraum,
)
from workbench.rules.elterngeld.netto import Erwerb, Kind, Netto, elterngeld_netto, mischeinkommen_status

if TYPE_CHECKING:
    from workbench.case import Child, Parent

P = parameters("elterngeld")


def _month_label(month: tuple[int, int]) -> str:
    return f"{month[1]:02d}/{month[0]}"


def bemessungsmonate(parent: "Parent", child: "Child", due: date | None = None, *, start: date | None = None,
                     skip: frozenset[tuple[int, int]] = frozenset()) -> tuple[list[tuple[int, int]], bool]:
    """The calendar months of the parent's assessment period for wages, and whether the application of § 2b Abs. 1
    Satz 3 BEEG kept months that would have been skipped (Mutterschutz before the birth, Elterngeld for an older
    child in ``skip``).

    Rechtsgrundlage: § 2b Abs. 1 Satz 1–3 BEEG
    """
    birth = start if start is not None else child.birth_date
    skip_from = None
    if parent.maternity_benefit:
        schutz, _ = mutterschutz_vor_geburt(birth, child.weeks_early, due)
        skip_from = schutz if schutz < birth else None
    if parent.include_skipped_months and (skip_from is not None or skip):
        return bemessungszeitraum(birth), True
    return bemessungszeitraum(birth, skip_from=skip_from, skip=skip), False


def erwerb_vor_geburt(parent: "Parent", child: "Child", expl: Explanation, due: date | None = None, *,
                      start: date | None = None, skip: frozenset[tuple[int, int]] = frozenset()) -> Erwerb:
    """The parent's income in the assessment period, averaged per month.

    ``start`` replaces the birth for a child taken in with the aim of adoption (§ 1 Abs. 3 Satz 2 BEEG);
    ``skip`` holds the calendar months with Elterngeld for an older child (§ 2b Abs. 1 Satz 2 Nr. 1 BEEG). A parent
    who applies for it (``include_skipped_months``) keeps those months and the Mutterschutz months in the
    assessment period (§ 2b Abs. 1 Satz 3 BEEG): the application covers all of them together, as the workbench
    models it.
    Rechtsgrundlage: § 2b Abs. 1–3 BEEG, § 2c Abs. 1 BEEG, § 2d BEEG
    """
    inc = parent.income_before_birth
    birth = start if start is not None else child.birth_date
    wage = inc.gross_monthly if inc.gross_monthly is not None else ZERO
    if inc.gross_by_month is not None:
        months, kept = bemessungsmonate(parent, child, due, start=start, skip=skip)
        if kept:  # § 2b Abs. 1 Satz 3 BEEG: on the parent's application the months of Satz 2 Nr. 1–4 count after all
            expl.add("einkommen.ohne_ausklammerung", None, "§ 2b Abs. 1 Satz 3 BEEG")
            skip = frozenset()
        avg = durchschnitt(inc.gross_by_month, months)
        wage = avg.average
        expl.add("einkommen.bemessungszeitraum", wage, "§ 2b Abs. 1, § 2c Abs. 1 BEEG",
                 first=_month_label(months[0]), last=_month_label(months[-1]),
                 missing=", ".join(_month_label(m) for m in avg.missing) or "–")
        skipped = sorted(m for m in skip if months[0] < m < (birth.year, birth.month))
        if skipped:
            expl.add("einkommen.elterngeld_aelteres_kind", None, "§ 2b Abs. 1 Satz 2 Nr. 1 BEEG",
                     months=", ".join(_month_label(m) for m in skipped))
    profit = ZERO
    if inc.annual_profit is not None:
        profit = round_cent(inc.annual_profit / 12)
        expl.add("einkommen.gewinn", profit, "§ 2b Abs. 2, 3, § 2d BEEG",
                 year=veranlagungszeitraum(birth), profit=inc.annual_profit)
    return Erwerb(
        kind=inc.kind, wage_m=wage if inc.kind in ("employee", "minijob", "mixed") else ZERO,
        profit_m=profit, tax_class=inc.tax_class, factor=inc.factor, church_tax=inc.church_tax,
        child_allowances=inc.child_allowances, health_insurance=inc.health_insurance,
        pension_insured=inc.pension_insured, unemployment_insured=inc.unemployment_insured,
    )


def erwerb_nach_geburt(before: Erwerb, gross_m: Decimal, birth: date) -> Erwerb:
    """Income from work after the birth, taxed and insured with the status of the work before it.

    This follows the federal Elterngeldrechner (docs/elterngeld.md, "Income after the birth"):
    - self-employed before (or mixed income with the larger profit): a profit, Steuerklasse IV,
      no Pauschbetrag, no 2 % Arbeitsförderung;
    - only a Minijob before: no taxes or contributions after the birth either, whatever the amount;
    - employed before: a wage in the Steuerklasse of the work before (mixed income: without
      Faktor, insured as an employee); up to the Geringfügigkeitsgrenze no tax, but the flat
      contributions of the work before are deducted in full (``beitraege_auf_minijob``), where
      § 2f Abs. 2 BEEG leaves Minijob income out;
    - no work before: a wage up to the Geringfügigkeitsgrenze is a Minijob (it changes nothing:
      without income before, the minimum amount is paid).
    Rechtsgrundlage: § 2 Abs. 3 BEEG, §§ 2c–2f BEEG
    """
    status = mischeinkommen_status(before, birth) if before.kind == "mixed" else before.kind
    if status == "self_employed":
        return replace(before, kind="self_employed", wage_m=ZERO, profit_m=gross_m, factor=None,
                       unemployment_insured=before.unemployment_insured and before.kind == "self_employed")
    if status == "minijob":
        return replace(before, kind="minijob", wage_m=gross_m, profit_m=ZERO)
    if status == "none":
        limit = P.value("geringfuegigkeitsgrenze_m", date(birth.year - 1, 1, 1))
        kind: Kind = "minijob" if gross_m <= limit else "employee"
        return replace(before, kind=kind, wage_m=gross_m, profit_m=ZERO)
    if before.kind == "mixed":
        insured = before.pension_insured or before.health_insurance == "statutory" or before.unemployment_insured
        return replace(before, kind="employee", wage_m=gross_m, profit_m=ZERO, factor=None,
                       pension_insured=insured, unemployment_insured=insured, beitraege_auf_minijob=True)
    return replace(before, kind="employee", wage_m=gross_m, profit_m=ZERO, beitraege_auf_minijob=True)


@dataclass(frozen=True)
class EinkommenNachGeburt:
    """Average income after the birth over the months of one kind (Basis, or Plus and Bonus)."""

    gross_m: Decimal
    netto: Netto | None
    months: tuple[int, ...]

    @property
    def elterngeld_netto(self) -> Decimal:
        return self.netto.elterngeld_netto if self.netto else ZERO


def einkommen_nach_geburt(before: Erwerb, gross_by_month: dict[int, Decimal], months: list[int],
                          birth: date) -> EinkommenNachGeburt:
    """Average of the income in the given Lebensmonate with income, and its Elterngeld-Netto.

    Rechtsgrundlage: § 2 Abs. 3 Satz 1 BEEG, § 2c Abs. 1 BEEG
    """
    with_income = [m for m in months if gross_by_month.get(m, ZERO) > ZERO]
    if not with_income:
        return EinkommenNachGeburt(ZERO, None, ())
    avg = round_cent(sum((gross_by_month[m] for m in with_income), ZERO) / len(with_income))
    netto = elterngeld_netto(erwerb_nach_geburt(before, avg, birth), birth)
    return EinkommenNachGeburt(avg, netto, tuple(with_income))
