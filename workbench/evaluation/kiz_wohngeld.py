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

from dataclasses import replace
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING

from workbench.explain import Explanation
from workbench.money import ZERO
from workbench.parameters import parameters
from workbench.rules.benefit import MeansTestedResult
from workbench.rules.grundsicherung import buergergeld as bgeld
from workbench.rules.grundsicherung.parameter import lookup as bgeld_lookup
from workbench.rules.kinderzuschlag import KizAdult, KizChild, KizInput
from workbench.rules.kinderzuschlag import kinderzuschlag as kiz_rule
from workbench.rules.leistungen.alter import vollendete_jahre
from workbench.rules.leistungen.kindergeld import betrag_fuer_kind
from workbench.rules.leistungen.elterngeld_anrechnung import ElterngeldBezug, Leistung, anzurechnen
from workbench.rules.leistungen.nettoeinkommen import Arbeit, Netto, nettoeinkommen, zahlt_einkommensteuer
from workbench.rules.leistungen.result import BenefitResult
from workbench.rules.wohngeld import WohngeldInput, WohngeldMember
from workbench.rules.wohngeld import wohngeld as wohngeld_rule

if TYPE_CHECKING:
    from workbench.case import Case, Child, Parent
    from workbench.case import CurrentIncome, ReceivedBenefit

WOHNGELD = parameters("wohngeld")


def adapt(result: MeansTestedResult) -> BenefitResult:
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


def arbeit(case: Case, income: CurrentIncome, on: date) -> Arbeit:
    """A parent's work as the derivation's input: the household's children under 25 for the PV rate,
    the Kinderfreibetragszähler 1 per child for married parents, else 0.5 (§ 39 Abs. 4 Nr. 2 EStG)."""
    children = sum(1 for c in _born(case, on) if vollendete_jahre(c.birth_date, on) < 25)
    zkf = Decimal(children) * (1 if case.household.married else Decimal("0.5"))
    return Arbeit(income.kind, income.gross_monthly, income.tax_class, children, zkf)


def derived(case: Case, income: CurrentIncome, on: date) -> Netto:
    """Net pay, zvE and kind of employment derived from the gross pay (:mod:`.nettoeinkommen`)."""
    return _derived(arbeit(case, income, on), on)


@lru_cache(maxsize=256)
def _derived(work: Arbeit, on: date) -> Netto:
    return nettoeinkommen(work, on)


def net_pay(case: Case, income: CurrentIncome, on: date) -> Decimal | None:
    """The typed net ("laut Gehaltsabrechnung") if given, else the derived one; ``None`` for the
    self-employed without a typed net (their insurance and tax prepayments are not in the case)."""
    if income.net_monthly is not None:
        return income.net_monthly
    if income.kind == "self_employed":
        return None
    return derived(case, income, on).net_monthly


def zve(case: Case, income: CurrentIncome, on: date) -> Decimal:
    """The typed zvE of the year if given, else the derived one."""
    if income.taxable_income_year is not None:
        return income.taxable_income_year
    return derived(case, income, on).zve_year


def pays_tax(case: Case, incomes: list[CurrentIncome], on: date) -> list[bool]:
    """Whether each parent pays income tax (the 10 % deduction of § 16 Abs. 1 Nr. 1 WoGG): a married couple
    assessed jointly against twice the Grundfreibetrag, both or neither (issue 17: each partner was tested
    alone); everyone else alone (§ 32a Abs. 1, 5 EStG, § 26b EStG)."""
    zves = [zve(case, i, on) for i in incomes]
    if case.household.married and len(incomes) == 2:
        return [zahlt_einkommensteuer(zves, True, on)] * 2
    return [zahlt_einkommensteuer([z], False, on) for z in zves]


def income_explanation(case: Case, on: date) -> Explanation:
    """Each parent's net pay: "laut Gehaltsabrechnung" when typed, else the derivation's steps."""
    e = Explanation()
    for nr, parent in enumerate(case.household.parents, 1):
        income = parent.current_income
        if income is None or income.kind == "none":
            continue
        if income.net_monthly is not None:
            e.add("leistungen.step.netto.typed", income.net_monthly, "§ 11 Abs. 1 SGB II", nr=nr)
        elif income.kind != "self_employed":
            e.add("leistungen.step.netto.derived", income.gross_monthly, "§ 11 Abs. 1 SGB II", nr=nr)
            e.extend(derived(case, income, on).explanation)
    return e


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
    nets = [net_pay(case, i, on) for i in incomes]
    if any(n is None for n in nets):
        return "leistungen.kiz.net_missing"
    if h.housing is None:
        return "leistungen.kiz.rent_missing"
    adults = tuple(KizAdult(i.gross_monthly, n or ZERO, other_income(i, on, "kinderzuschlag")) for i, n in zip(incomes, nets))
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
    return _with_income(adapt(kiz_rule(built, case.language)), case, on)


def _with_income(result: BenefitResult, case: Case, on: date) -> BenefitResult:
    """The result with each parent's net pay (typed or derived) as its first explanation steps."""
    steps = income_explanation(case, on)
    steps.extend(result.explanation)
    return replace(result, explanation=steps)


def _member(case: Case, parent: Parent, income: CurrentIncome, on: date, tax: bool) -> WohngeldMember:
    art = derived(case, income, on).art
    employed = art in ("midijob", "regulaer")  # a Minijob by its pay, whatever its label (§ 8 SGB IV)
    return WohngeldMember(
        age=vollendete_jahre(parent.birth_date, on) if parent.birth_date else 30,
        gross_wage=income.gross_monthly if income.kind in ("employee", "minijob") else ZERO,
        profit=income.gross_monthly if income.kind == "self_employed" else ZERO,
        other_income=other_income(income, on, "wohngeld"),
        pays_tax=tax,
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
    taxes = pays_tax(case, incomes, on)
    members = [_member(case, p, i, on, t) for p, i, t in zip(h.parents, incomes, taxes)]
    for c in _born(case, on):
        s = c.situation
        members.append(WohngeldMember(
            age=vollendete_jahre(c.birth_date, on), child=True, kindergeld=kindergeld.get(c.id, ZERO),
            maintenance=s.maintenance_monthly if s else ZERO, uvg=uvg.get(c.id, ZERO),
            gross_wage=s.own_income_monthly if s else ZERO,
            other_income=s.orphan_benefit_monthly if s else ZERO,
            severely_disabled=False))
    # the plausibility test asks what the household lives on: every received benefit in full
    net = sum(((n if (n := net_pay(case, i, on)) is not None else i.gross_monthly) + i.other_income_monthly
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
    return _with_income(adapt(wohngeld_rule(built, case.language)), case, on)


def bedarfsgemeinschaft(case: Case, on: date, kindergeld: dict[str, Decimal],
                        uvg: dict[str, Decimal]) -> bgeld.Bedarfsgemeinschaft | None:
    """The household for the Bürgergeld comparison (``None`` without income or rent): nets typed or derived,
    Elterngeld after § 10 Abs. 5 BEEG, the children's Kindergeld, UVG and other income; a household already on
    Bürgergeld is taken as past the Karenzzeit (the rent then counts up to the Angemessenheitsgrenze)."""
    h = case.household
    incomes = _incomes(case)
    if incomes is None or h.housing is None:
        return None
    born = _born(case, on)
    foster = [c for c in born if c.placement is not None and c.placement.kind == "foster_care"]
    extra = _pflegekind_kindergeld(case, on, born, foster, kindergeld)
    adults = [bgeld.Erwachsener(i.gross_monthly, n if (n := net_pay(case, i, on)) is not None else i.gross_monthly,
                                other_income(i, on, "buergergeld") + extra.get(p.id, ZERO))
              for p, i in zip(h.parents, incomes)]
    children = [bgeld.Kind(vollendete_jahre(c.birth_date, on), kindergeld.get(c.id, ZERO), uvg.get(c.id, ZERO) + (
        c.situation.maintenance_monthly + c.situation.own_income_monthly + c.situation.orphan_benefit_monthly
        if c.situation else ZERO)) for c in born if all(c is not f for f in foster)]
    return bgeld.Bedarfsgemeinschaft(adults, children, h.housing.rent_cold + h.housing.utilities_cold,
                                     h.housing.heating, bool(h.benefits and h.benefits.receives_buergergeld),
                                     h.municipality or "Bochum", others=len(foster))


def _pflegekind_kindergeld(case: Case, on: date, born: list[Child], foster: list[Child],
                           kindergeld: dict[str, Decimal]) -> dict[str, Decimal]:
    """Per parent id: the foster children's Kindergeld that counts as the parent's income in the Bürgergeld
    comparison (the one who receives it, else the first parent).

    A foster child is not a member of the Bedarfsgemeinschaft (§ 7 Abs. 3 Nr. 4 SGB II); its Kindergeld is the
    foster parent's income less the § 39 Abs. 6 SGB VIII set-off against the Pflegegeld.
    Rechtsgrundlage: § 11 Abs. 1 SGB II, § 39 Abs. 6 SGB VIII
    """
    if not foster:
        return {}
    p = bgeld_lookup(on)
    oldest = min(born, key=lambda c: c.birth_date)
    first_child = betrag_fuer_kind(1, on)
    parent_ids = [q.id for q in case.household.parents]
    out: dict[str, Decimal] = {}
    for child in foster:
        amount = kindergeld.get(child.id, ZERO)
        if amount <= 0:
            continue
        running = child.receives.kindergeld if child.receives is not None else None
        receiver = running.parent if running is not None and running.parent in parent_ids else parent_ids[0]
        out[receiver] = out.get(receiver, ZERO) + bgeld.kindergeld_pflegekind_einkommen(
            amount, first_child, child is oldest, p)
    return out
