"""Kinderzuschlag and Wohngeld for the Leistungscheck: the case mapped onto their rules' inputs.

The rules (``workbench.rules.kinderzuschlag``, ``workbench.rules.wohngeld``) take their own
frozen input dataclasses; this module builds those from a case (format 2) and adapts their
results to the Leistungscheck's :class:`~workbench.rules.leistungen.result.BenefitResult`.

Mapping decisions (docs/leistungscheck.md):

- Parents: ``current_income`` gross and net (six-month averages as entered); other income is
  ``other_income_monthly`` plus received benefits, Elterngeld only above its free part: § 10 Abs. 1, 3, 4
  BEEG for Wohngeld, § 10 Abs. 5 BEEG for KiZ (``rules/leistungen/elterngeld_anrechnung.py``).
- Children: only born children; Kindergeld per child from the Kindergeld rule, UVG from the UVG
  rule (interaction 1), maintenance, orphan's benefits and own income from ``situation``.
- Rent: KiZ and Wohngeld take the Bruttokaltmiete = cold rent + cold service charges.
- Wohngeld deductions (§ 16 WoGG): income tax if the taxable income (or, without it, twelve months'
  gross) is above the Grundfreibetrag; health and pension insurance for employees (not Minijobs);
  health insurance for the self-employed.
- Without net income or rent the result is "to check" with the missing item as its reason.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from workbench.explain import Explanation
from workbench.money import ZERO
from workbench.parameters import parameters
from workbench.rules.benefit import BenefitResult as RuleResult
from workbench.rules.kinderzuschlag import KizAdult, KizChild, KizInput
from workbench.rules.kinderzuschlag import kinderzuschlag as kiz_rule
from workbench.rules.leistungen.alter import vollendete_jahre
from workbench.rules.leistungen.elterngeld_anrechnung import ElterngeldBezug, Leistung, anzurechnen
from workbench.rules.leistungen.result import BenefitResult
from workbench.rules.wohngeld import WohngeldInput, WohngeldMember
from workbench.rules.wohngeld import wohngeld as wohngeld_rule

if TYPE_CHECKING:
    from workbench.case import Case, Child, Parent
    from workbench.case_household import CurrentIncome, ReceivedBenefit

STEUER = parameters("steuer")
WOHNGELD = parameters("wohngeld")


def adapt(result: RuleResult) -> BenefitResult:
    """The KiZ/Wohngeld rule's result in the Leistungscheck's shape."""
    return BenefitResult(result.benefit, result.eligible, result.monthly, result.reasons,
                         Explanation(list(result.explanation)), result.unverified, (), result.monthly * 12,
                         result.period, result.check_buergergeld)


def _missing(benefit: str, key: str) -> BenefitResult:
    return BenefitResult(benefit, None, ZERO, (key,), Explanation())


def other_income(income: CurrentIncome, on: date, leistung: Leistung) -> Decimal:
    """Other countable income of a parent in ``leistung``: other income plus received benefits,
    Elterngeld only above its free part (§ 10 BEEG, :mod:`.elterngeld_anrechnung`)."""
    return income.other_income_monthly + sum((anzurechnen(elterngeld_bezug(b), leistung, on) if b.kind == "elterngeld"
                                              else b.monthly for b in income.benefits), ZERO)


def elterngeld_bezug(benefit: ReceivedBenefit) -> ElterngeldBezug:
    """A received Elterngeld of the case as the § 10 BEEG rule's input."""
    return ElterngeldBezug(benefit.monthly, benefit.elterngeld_plus, benefit.children_born,
                           benefit.income_before_birth_monthly)


def _born(case: Case, on: date) -> list[Child]:
    return [c for c in case.household.children if not c.expected and c.birth_date <= on]


def _incomes(case: Case) -> list[CurrentIncome] | None:
    incomes = [p.current_income for p in case.household.parents]
    if any(i is None for i in incomes):
        return None
    return [i for i in incomes if i is not None]


def kiz_input(case: Case, on: date, kindergeld: dict[str, Decimal], uvg: dict[str, Decimal],
              wohngeld: Decimal | None) -> KizInput | str:
    """The KiZ input of the case, or the reason key why it cannot be built."""
    h = case.household
    incomes = _incomes(case)
    if incomes is None:
        return "leistungen.kiz.income_missing"
    if any(i.net_monthly is None for i in incomes):
        return "leistungen.kiz.net_missing"
    if h.housing is None:
        return "leistungen.kiz.rent_missing"
    adults = tuple(KizAdult(i.gross_monthly, i.net_monthly or ZERO, other_income(i, on, "kinderzuschlag")) for i in incomes)
    children = []
    for c in _born(case, on):
        s = c.situation
        children.append(KizChild(
            vollendete_jahre(c.birth_date, on), kindergeld.get(c.id, ZERO),
            s.maintenance_monthly if s else ZERO, uvg.get(c.id, ZERO),
            (s.orphan_benefit_monthly + s.own_income_monthly) if s else ZERO))
    housing = h.housing
    return KizInput(on, adults, tuple(children), housing.rent_cold + housing.utilities_cold, housing.heating,
                    h.benefits.wealth if h.benefits else ZERO, wohngeld, housing.living_space_sqm)


def kinderzuschlag(case: Case, on: date, kindergeld: dict[str, Decimal], uvg: dict[str, Decimal],
                   wohngeld: Decimal | None) -> BenefitResult:
    """KiZ of the household; UVG counts as the child's income (§ 6a Abs. 3 BKGG)."""
    built = kiz_input(case, on, kindergeld, uvg, wohngeld)
    if isinstance(built, str):
        return _missing("kinderzuschlag", built)
    return adapt(kiz_rule(built, case.language))


def _pays_tax(income: CurrentIncome, on: date) -> bool:
    basis = income.taxable_income_year if income.taxable_income_year is not None else income.gross_monthly * 12
    return bool(basis > STEUER.value("grundfreibetrag", on))


def _member(parent: Parent, income: CurrentIncome, on: date) -> WohngeldMember:
    employed = income.kind == "employee"
    return WohngeldMember(
        age=vollendete_jahre(parent.birth_date, on) if parent.birth_date else 30,
        gross_wage=income.gross_monthly if income.kind in ("employee", "minijob") else ZERO,
        profit=income.gross_monthly if income.kind == "self_employed" else ZERO,
        other_income=other_income(income, on, "wohngeld"),
        pays_tax=_pays_tax(income, on),
        pays_health_insurance=employed or income.kind == "self_employed",
        pays_pension_insurance=employed)


def wohngeld_input(case: Case, on: date, kindergeld: dict[str, Decimal], uvg: dict[str, Decimal],
                   kinderzuschlag: Decimal) -> WohngeldInput | str:
    """The Wohngeld input of the case, or the reason key why it cannot be built."""
    h = case.household
    incomes = _incomes(case)
    if incomes is None:
        return "leistungen.wg.income_missing"
    if h.housing is None:
        return "leistungen.wg.rent_missing"
    if h.housing.tenure == "own":
        return "leistungen.wg.owner"
    if h.housing.mietstufe is None and (h.municipality or "Bochum") not in WOHNGELD.value("mietstufen", on):
        return "leistungen.wg.mietstufe_missing"  # the WoGV table holds only the towns we checked
    members = [_member(p, i, on) for p, i in zip(h.parents, incomes)]
    for c in _born(case, on):
        s = c.situation
        members.append(WohngeldMember(
            age=vollendete_jahre(c.birth_date, on), child=True, kindergeld=kindergeld.get(c.id, ZERO),
            maintenance=s.maintenance_monthly if s else ZERO, uvg=uvg.get(c.id, ZERO),
            gross_wage=s.own_income_monthly if s else ZERO,
            other_income=s.orphan_benefit_monthly if s else ZERO,
            severely_disabled=False))
    # the plausibility test asks what the household lives on: every received benefit in full
    net = sum(((i.net_monthly if i.net_monthly is not None else i.gross_monthly) + i.other_income_monthly
               + sum((b.monthly for b in i.benefits), ZERO) for i in incomes), ZERO)
    housing = h.housing
    # a household on Bürgergeld is checked as if it left it: the question is whether KiZ and
    # Wohngeld would end the need (§ 12a SGB II), so § 7 WoGG's exclusion is not applied here
    return WohngeldInput(on, tuple(members), housing.rent_cold + housing.utilities_cold, housing.heating,
                         housing.mietstufe, h.municipality or "Bochum", h.benefits.wealth if h.benefits else ZERO,
                         housing.living_space_sqm, net, kinderzuschlag, transfer_recipients=False)


def wohngeld(case: Case, on: date, kindergeld: dict[str, Decimal], uvg: dict[str, Decimal],
             kinderzuschlag: Decimal = ZERO) -> BenefitResult:
    """Wohngeld (Mietzuschuss) of the household; ``kinderzuschlag`` for the income plausibility check."""
    built = wohngeld_input(case, on, kindergeld, uvg, kinderzuschlag)
    if isinstance(built, str):
        return _missing("wohngeld", built)
    return adapt(wohngeld_rule(built, case.language))
