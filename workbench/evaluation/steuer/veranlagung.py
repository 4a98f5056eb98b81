"""The estimated income-tax assessment of each calendar year of a plan, with the Progressionsvorbehalt.

Assumptions (stated in the result and in docs/steuer.md): Werbungskosten at the
Arbeitnehmer-Pauschbetrag; Vorsorgeaufwendungen as the PAP's Vorsorgepauschale of the year's wages
(the estimate the Lohnsteuer itself uses); the Sonderausgaben-Pauschbetrag; no other income, no
further deductions; married parents assessed jointly (§ 26b EStG), others singly; income tax only,
without Solidaritätszuschlag and Kirchensteuer. A year's "voraussichtliche Steuernachzahlung" is the
assessed tax minus the Lohnsteuer withheld; negative means a refund.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from workbench.evaluation.steuer.jahre import WITHHELD_KINDS, Arbeit, PersonJahr, steuer_jahre
from workbench.money import ZERO
from workbench.rules.elterngeld.result import ElterngeldResult
from workbench.rules.steuer.lohnsteuer import LZZ_JAHR, LohnsteuerInput, lohnsteuer
from workbench.rules.steuer.progression import Progression, leistungen_nach_pauschbetrag, progressionsvorbehalt

if TYPE_CHECKING:
    from workbench.case import Case, Parent


@dataclass(frozen=True)
class Steuerjahr:
    """One calendar year: the parents' money and the assessment(s) with the Progressionsvorbehalt."""

    year: int
    splitting: bool
    personen: tuple[PersonJahr, ...]
    veranlagungen: tuple[Progression, ...]   # one joint assessment, or one per parent
    nur_schaetzung_pv: bool                  # self-employed income: no withholding modelled, no Nachzahlung

    @property
    def lohnsteuer(self) -> Decimal:
        return sum((p.lohnsteuer for p in self.personen), ZERO)

    @property
    def leistungen(self) -> Decimal:
        return sum((p.leistungen for p in self.personen), ZERO)

    @property
    def mehrsteuer(self) -> Decimal:
        """Income tax the Progressionsvorbehalt adds in this year."""
        return sum((v.mehrsteuer for v in self.veranlagungen), ZERO)

    @property
    def festzusetzen(self) -> Decimal:
        return sum((v.steuer_mit for v in self.veranlagungen), ZERO)

    @property
    def nachzahlung(self) -> Decimal | None:
        """Assessed tax minus Lohnsteuer withheld (negative: refund); None with self-employed income."""
        return None if self.nur_schaetzung_pv else self.festzusetzen - self.lohnsteuer


def zve_person(parent: "Parent", person: PersonJahr, year: int, married: bool) -> Decimal:
    """A parent's taxable income of the year, estimated with the PAP's yearly path.

    Wages minus the Arbeitnehmer-Pauschbetrag, the Sonderausgaben-Pauschbetrag and the
    Vorsorgepauschale (standing in for the Vorsorgeaufwendungen, § 10 Abs. 1 Nr. 2, 3, 3a EStG);
    a profit is added as it is (without its Vorsorgeaufwendungen: the estimate is high there).
    Rechtsgrundlage: § 2 Abs. 5 EStG, § 9a, § 10c, § 39b Abs. 2 Satz 5 EStG
    """
    zve = ZERO
    if person.arbeitslohn > ZERO and parent.income_before_birth.kind in WITHHELD_KINDS:
        inc = parent.income_before_birth
        zve = lohnsteuer(LohnsteuerInput(
            year=year, re4=person.arbeitslohn, lzz=LZZ_JAHR, stkl=4 if married else 1,
            rentenversichert=inc.pension_insured, arbeitslosenversichert=inc.unemployment_insured,
        )).zve
    return zve + person.gewinn


def steuerjahre(case: "Case", result: ElterngeldResult, arbeit: Arbeit | None = None) -> list[Steuerjahr]:
    """The estimated assessment of every calendar year the plan touches.

    Rechtsgrundlage: § 32b EStG, § 26b EStG, § 32a Abs. 1 und 5 EStG, § 46 Abs. 2 Nr. 1 EStG
    """
    married = case.household.married and len(case.household.parents) == 2
    parents = {p.id: p for p in case.household.parents}
    out: list[Steuerjahr] = []
    for year, personen in steuer_jahre(case, result, arbeit).items():
        zves = {p.parent_id: zve_person(parents[p.parent_id], p, year, married) for p in personen}
        leistungen = {p.parent_id: leistungen_nach_pauschbetrag(p.leistungen, p.arbeitslohn, year) for p in personen}
        if married:
            veranlagungen: tuple[Progression, ...] = (progressionsvorbehalt(
                sum(zves.values(), ZERO), sum(leistungen.values(), ZERO), year, splitting=True),)
        else:
            veranlagungen = tuple(progressionsvorbehalt(zves[p.parent_id], leistungen[p.parent_id], year, splitting=False)
                                  for p in personen)
        self_employed = any(p.gewinn > ZERO for p in personen)
        out.append(Steuerjahr(year, married, tuple(personen), veranlagungen, self_employed))
    return out


def mehrsteuer_gesamt(jahre: list[Steuerjahr]) -> Decimal:
    """Income tax the Progressionsvorbehalt adds over all years of the plan."""
    return sum((j.mehrsteuer for j in jahre), ZERO)
