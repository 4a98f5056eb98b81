"""Steuerklassenwahl: would another combination of tax classes raise the family's Elterngeld?

For a married couple (§ 26 EStG) each combination III/V, V/III and IV/IV other than the present one
is tried on the whole case: the Elterngeld of both parents with the new classes (the engine, i.e.
the PAP of § 2e BEEG), the employer's top-up to Mutterschaftsgeld, which follows the net pay of the
three months before the Mutterschutz (§ 20 Abs. 1, § 21 MuSchG; estimated from the Elterngeld-Netto
when the case has no Mutterschutz data, fixed by those data otherwise), the change of the
Progressionsvorbehalt on the extra benefits (§ 32b EStG),
the deadline of § 2c Abs. 3 BEEG with § 39 Abs. 6 Satz 3 EStG, and the change of monthly net pay
(Lohnsteuer and Solidaritätszuschlag, PAP) from the new class until the birth. The Lohnsteuer is
only a prepayment: the joint assessment (§ 26b EStG) settles the year's tax whatever the classes,
so the net pay change is money earlier or later, not gained or lost; the option "pays" when the
Elterngeld and top-up gain after the extra Progressionsvorbehalt is positive and the deadline is still open.
The Faktorverfahren (§ 39f EStG) is not offered (docs/steuer.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from workbench.clock import today as clock_today
from workbench.evaluation.steuer.jahre import WITHHELD_KINDS, Arbeit, pre_birth_gross
from workbench.evaluation.steuer.veranlagung import Steuerjahr, mehrsteuer_gesamt, steuerjahre
from workbench.explain import Explanation
from workbench.money import ZERO
from workbench.rules.elterngeld.bemessung import bemessungszeitraum
from workbench.rules.elterngeld.result import ElterngeldResult
from workbench.rules.elterngeld.steuerklasse import Wechselfrist, wechselfrist
from workbench.rules.steuer.lohnsteuer import LohnsteuerInput, lohnsteuer

if TYPE_CHECKING:
    from workbench.case import Case, Parent

KOMBINATIONEN = ((3, 5), (5, 3), (4, 4))
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV", 5: "V", 6: "VI"}


@dataclass(frozen=True)
class Klassenoption:
    """One combination of classes and what it would change."""

    klassen: dict[str, int]
    elterngeld: dict[str, Decimal]          # change of each parent's Elterngeld over the plan
    je_monat: dict[str, Decimal]            # change of each parent's monthly Basiselterngeld
    pv_mehrsteuer: Decimal                  # change of the Progressionsvorbehalt over the plan's years
    zuschuss: Decimal                       # change of the employer's top-up to Mutterschaftsgeld (§ 20 MuSchG)
    netto_je_monat: dict[str, Decimal]      # change of monthly net pay (LSt + Soli) until the birth
    monate: int                             # months from the new class to the birth
    frist: Wechselfrist
    zu_spaet: bool
    explanation: Explanation = field(compare=False)

    @property
    def gewinn(self) -> Decimal:
        """Change of the family's Elterngeld over the plan."""
        return sum(self.elterngeld.values(), ZERO)

    @property
    def gewinn_nach_steuer(self) -> Decimal:
        return self.gewinn + self.zuschuss - self.pv_mehrsteuer

    @property
    def netto_bis_geburt(self) -> Decimal:
        return sum(self.netto_je_monat.values(), ZERO) * self.monate

    @property
    def lohnt(self) -> bool:
        return not self.zu_spaet and self.gewinn_nach_steuer > ZERO


@dataclass(frozen=True)
class Steuerklassenwahl:
    """The present classes, every other combination, and the best one that pays (if any)."""

    aktuell: dict[str, int]
    optionen: list[Klassenoption]

    @property
    def beste(self) -> Klassenoption | None:
        paying = [o for o in self.optionen if o.lohnt]
        return max(paying, key=lambda o: o.gewinn_nach_steuer) if paying else None


def _with_classes(case: "Case", klassen: dict[str, int]) -> "Case":
    parents = []
    for p in case.household.parents:
        inc = p.income_before_birth.model_copy(update={"tax_class": klassen[p.id], "factor": None})
        parents.append(p.model_copy(update={"income_before_birth": inc}))
    return case.model_copy(update={"household": case.household.model_copy(update={"parents": parents})})


def _frist(case: "Case") -> Wechselfrist:
    """The earliest deadline among the employed parents, so the new classes count for both."""
    from workbench.evaluation.elterngeld.engine import mutterschutz_fristen

    child = case.plan_child()
    fristen = []
    for p in case.household.parents:
        if p.income_before_birth.kind not in WITHHELD_KINDS:
            continue
        skip = None
        if p.maternity_benefit:
            angaben = case.mutterschutz if case.mutterschutz is not None and case.mutterschutz.mother == p.id else None
            beginn = mutterschutz_fristen(child, angaben).beginn
            skip = beginn if beginn < child.birth_date else None
        fristen.append(wechselfrist(bemessungszeitraum(child.birth_date, skip_from=skip)))
    return min(fristen, key=lambda f: f.wirksam_ab)


def _lst_soli(parent: "Parent", year: int, klasse: int, factor: Decimal | None) -> Decimal:
    inc = parent.income_before_birth
    r = lohnsteuer(LohnsteuerInput(year=year, re4=pre_birth_gross(parent), stkl=klasse, factor=factor,
                                   rentenversichert=inc.pension_insured,
                                   arbeitslosenversichert=inc.unemployment_insured))
    return r.lstlzz + r.solzlzz


def _mutterschaft(years: list[Steuerjahr]) -> Decimal:
    """Mutterschaftsgeld and top-up over the years: the top-up follows the net pay, so the class (§ 20 MuSchG)."""
    return sum((p.mutterschaft for j in years for p in j.personen), ZERO)


def _months(first: date, last: date) -> list[tuple[int, int]]:
    out, (y, m) = [], (first.year, first.month)
    while (y, m) <= (last.year, last.month):
        out.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _option(case: "Case", base: ElterngeldResult, base_years: list[Steuerjahr], klassen: dict[str, int],
            frist: Wechselfrist, today: date, arbeit: Arbeit | None) -> Klassenoption:
    from workbench.evaluation.elterngeld.engine import compute_elterngeld

    trial = _with_classes(case, klassen)
    result = compute_elterngeld(trial)
    expl = Explanation()
    gain, per_month = {}, {}
    for pid, new in result.parents.items():
        old = base.parents[pid]
        gain[pid] = sum((m.amount for m in new.months), ZERO) - sum((m.amount for m in old.months), ZERO)
        per_month[pid] = new.basis_monthly - old.basis_monthly
        expl.add("steuerklasse.elterngeld", gain[pid], "§ 2c Abs. 3, § 2e BEEG", parent=new.name or pid,
                 klasse=ROMAN[klassen[pid]], je_monat=per_month[pid])
    years = steuerjahre(trial, result, arbeit)
    zuschuss = _mutterschaft(years) - _mutterschaft(base_years)
    if zuschuss:
        expl.add("steuerklasse.zuschuss", zuschuss, "§ 20 Abs. 1 MuSchG, § 21 MuSchG")
    pv = mehrsteuer_gesamt(years) - mehrsteuer_gesamt(base_years)
    expl.add("steuerklasse.pv", pv, "§ 32b EStG")
    months = _months(frist.wirksam_ab, case.plan_child().birth_date)
    netto = {}
    for p in case.household.parents:
        if p.income_before_birth.kind not in WITHHELD_KINDS:
            netto[p.id] = ZERO
            continue
        inc = p.income_before_birth
        diffs = [_lst_soli(p, y, inc.tax_class, inc.factor) - _lst_soli(p, y, klassen[p.id], None) for y, _ in months]
        netto[p.id] = (sum(diffs, ZERO) / len(diffs)).quantize(Decimal("0.01")) if diffs else ZERO
        expl.add("steuerklasse.netto", netto[p.id], "§ 39b Abs. 2 EStG, § 26b EStG", parent=p.name or p.id,
                 monate=len(months))
    zu_spaet = today > frist.antrag_bis
    expl.add("steuerklasse.zu_spaet" if zu_spaet else "steuerklasse.rechtzeitig", frist.antrag_bis,
             "§ 2c Abs. 3 Satz 2 BEEG, § 39 Abs. 6 Satz 3 EStG")
    return Klassenoption(klassen, gain, per_month, pv, zuschuss, netto, len(months), frist, zu_spaet, expl)


def steuerklassenwahl(case: "Case", base: ElterngeldResult | None = None, today: date | None = None,
                      arbeit: Arbeit | None = None) -> Steuerklassenwahl | None:
    """Every other class combination for a married couple with wages; None where there is no choice.

    Rechtsgrundlage: § 2c Abs. 3 BEEG, § 38b Abs. 1 Satz 2 Nr. 3–5, § 39 Abs. 6 Satz 3 EStG, § 26 EStG
    """
    from workbench.evaluation.elterngeld.engine import compute_elterngeld

    hh = case.household
    if not hh.married or len(hh.parents) != 2:
        return None
    if not any(p.income_before_birth.kind in WITHHELD_KINDS for p in hh.parents):
        return None
    base = base if base is not None else compute_elterngeld(case)
    today = today if today is not None else clock_today()
    a, b = hh.parents
    aktuell = {a.id: a.income_before_birth.tax_class, b.id: b.income_before_birth.tax_class}
    frist = _frist(case)
    base_years = steuerjahre(case, base, arbeit)
    optionen = [_option(case, base, base_years, {a.id: ka, b.id: kb}, frist, today, arbeit)
                for ka, kb in KOMBINATIONEN if (ka, kb) != (aktuell[a.id], aktuell[b.id])
                or a.income_before_birth.factor is not None or b.income_before_birth.factor is not None]
    return Steuerklassenwahl(aktuell, sorted(optionen, key=lambda o: o.gewinn_nach_steuer, reverse=True))
