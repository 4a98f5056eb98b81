"""Worked examples for profits, mixed income and Minijobs (issue 17, first table).

Each example is derived step by step from §§ 2, 2c–2f BEEG and the PAP of the year before the
birth; where the federal Elterngeldrechner (EGR, the algorithm behind familienportal.de) reads
the law in its own way, the step says so and docs/elterngeld.md ("Where we follow the federal
calculator") names the function that does it. The final amounts are the EGR's (its open-source
algorithm, snapshot d2ca5a16, run on the same inputs); the intermediate values are our own
derivation and are asserted so that a wrong step shows itself.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D
from typing import Any

from workbench.case import load_case
from workbench.rules.elterngeld import betrag
from workbench.evaluation.elterngeld.engine import compute_elterngeld
from workbench.rules.elterngeld.netto import Erwerb, elterngeld_netto, pap_eingabe, uebergangsbereich_entgelt
from workbench.rules.steuer.lohnsteuer import lohnsteuer


def case(income: dict[str, Any], birth: str, plan: str = "B" * 12,
         after: list[dict[str, Any]] | None = None) -> Any:
    parent: dict[str, Any] = {"id": "A", "income_before_birth": income}
    if after:
        parent["income_after_birth"] = after
    return load_case({"format": "workbench-case/1", "case_id": "t",
                      "household": {"parents": [parent], "children": [{"id": "K1", "birth_date": birth}]},
                      "elterngeld_plan": {"child": "K1", "months": {"A": plan}}})


# --- Self-employed, profit of the assessment year, birth 2026 (PAP 2025) -------------------------

SELBST_30000 = Erwerb("self_employed", profit_m=D(2500), health_insurance="statutory",
                      pension_insured=True, unemployment_insured=False)


def test_para_2d_2e_profit_30000_birth_2026_tax_from_the_pap_2025_with_the_pauschbetrag_added_back() -> None:
    """§ 2d Abs. 1: 30,000 € / 12 = 2,500 €. § 2e Abs. 1, 3: PAP 2025 (year before the birth),
    Steuerklasse IV; the PAP deducts the Arbeitnehmer-Pauschbetrag, which a profit does not get,
    so 1,230 € / 12 = 102.50 € is added back: RE4 2,602.50 €, ZRE4J 31,230 €.
    Vorsorgepauschale: RV 31,230 × 9.3 % = 2,904.39; KV/PV 31,230 × (7 % + 2.5 %/2 + 1.8 %) =
    3,138.615. The BMF PAP cuts the KV/PV part to 3,138.61 and gets 6,043 €; the EGR's PAP
    keeps the 0.5 cent and rounds 6,043.005 up to 6,044 € (followed: ``pap_eingabe``).
    zvE = 31,230 − 1,266 (ANP 1,230 + SAP 36) − 6,044 = 23,920 € → 2,641 € a year → 220.08 €."""
    birth = date(2026, 6, 1)
    inp = pap_eingabe(SELBST_30000, D("2602.50"), birth)
    assert (inp.year, inp.stkl, inp.re4) == (2025, 4, D("2602.50"))
    result = lohnsteuer(inp)
    assert result.vorsorge.vsp == D(6044)
    assert result.zve == D(23920)
    assert (result.lstjahr, result.lstlzz) == (D(2641), D("220.08"))


def test_para_2f_profit_30000_birth_2026_flat_contributions_and_elterngeld_netto() -> None:
    """§ 2f Abs. 1: 9 % (GKV) + 10 % (RV) of 2,500 € = 475 €; no 2 % Arbeitsförderung (not
    insured). Elterngeld-Netto = 2,500 − 220.08 − 475 = 1,804.92 € (no Pauschbetrag for profits,
    § 2c Abs. 1). § 2 Abs. 2: rate 65 % → Basiselterngeld 1,173.20 € (EGR: 1,804.92 / 1,173.20)."""
    netto = elterngeld_netto(SELBST_30000, date(2026, 6, 1))
    assert (netto.steuern, netto.sozialabgaben, netto.elterngeld_netto) == (D("220.08"), D(475), D("1804.92"))
    income = {"kind": "self_employed", "annual_profit": 30000, "health_insurance": "statutory",
              "pension_insured": True, "unemployment_insured": False}
    result = compute_elterngeld(case(income, "2026-06-01")).parents["A"]
    assert (result.ersatzrate, result.basis_monthly) == (D("0.65"), D("1173.20"))


def test_para_2e_profit_30000_birth_2026_the_same_tax_whatever_the_insurance() -> None:
    """§ 2e: the tax of a profit does not depend on the insurance (EGR: always with the RV part
    and statutory KV/PV in the Vorsorgepauschale). § 2f: only the flat contributions differ.
    Privately insured without RV: 2,500 − 220.08 = 2,279.92 € (EGR: 2,279.92)."""
    privat = Erwerb("self_employed", profit_m=D(2500), health_insurance="private",
                    pension_insured=False, unemployment_insured=False)
    netto = elterngeld_netto(privat, date(2026, 6, 1))
    assert (netto.steuern, netto.sozialabgaben, netto.elterngeld_netto) == (D("220.08"), D(0), D("2279.92"))


# --- Self-employed, small profit, birth 2025 -------------------------------------------------------

def test_para_2f_abs_2_profit_15000_birth_2025_contributions_on_the_uebergangsbereich_base() -> None:
    """§ 2d: 15,000 € / 12 = 1,250 €. § 2e: RE4 1,352.50 €, PAP 2024 StKl IV → no tax.
    § 2f Abs. 2 Satz 3 names the Übergangsbereich for wages; the EGR applies the reduced base of
    § 344 Abs. 4 SGB III to a monthly profit between 538 € and 2,000 € as well (followed:
    ``sozialabgaben_basis``): F = 0.6667, F × 538 + (2,000/1,462 − 538/1,462 × F) × (1,250 − 538)
    = 1,158.01 €. 9 % (GKV, no RV, no AV) = 104.22 €. Elterngeld-Netto 1,250 − 104.22 = 1,145.78 €
    (EGR: 1,145.78; 9 % of the full 1,250 € would give 1,137.50 €, 8.28 € less).
    § 2 Abs. 2: 1,145.78 is between 1,000 and 1,200 € → 67 % → 767.67 €."""
    birth = date(2025, 6, 1)
    assert uebergangsbereich_entgelt(D(1250), birth) == D("1158.01")
    e = Erwerb("self_employed", profit_m=D(1250), health_insurance="statutory", pension_insured=False,
               unemployment_insured=False)
    netto = elterngeld_netto(e, birth)
    assert (netto.steuern, netto.sozialabgaben, netto.elterngeld_netto) == (D(0), D("104.22"), D("1145.78"))
    assert betrag.basiselterngeld(netto.elterngeld_netto, D(0), betrag.ersatzrate(netto.elterngeld_netto, birth),
                                  birth) == D("767.67")


# --- Mixed income ------------------------------------------------------------------------------------

MISCH = {"kind": "mixed", "gross_monthly": 1800, "annual_profit": 24000, "tax_class": 4,
         "health_insurance": "statutory", "pension_insured": True, "unemployment_insured": True}


def test_para_2b_abs_3_2e_mixed_income_with_the_larger_profit_is_taxed_like_a_profit() -> None:
    """Wages 1,800 € × 12 = 21,600 € < profit 24,000 €: the EGR treats the parent as self-employed
    (followed: ``mischeinkommen_status``): § 2e Abs. 3 Steuerklasse IV without Faktor, the
    Pauschbetrag added back for the PAP: RE4 = 1,800 + 2,000 + 102.50 = 3,902.50 € → PAP 2024:
    538.33 €."""
    e = Erwerb("mixed", wage_m=D(1800), profit_m=D(2000), tax_class=4, factor=D("0.9"))
    netto = elterngeld_netto(e, date(2025, 6, 1))
    assert netto.steuern == D("538.33")


def test_para_2f_mixed_income_contributions_on_profit_plus_reduced_wage_without_arbeitsfoerderung() -> None:
    """§ 2f Abs. 2: the base is the profit plus the wage, the wage of 1,800 € in the Übergangsbereich
    with its reduced amount 1,775.47 € (§ 344 Abs. 4 SGB III): 2,000 + 1,775.47 = 3,775.47 €.
    9 % + 10 % = 717.3393 €; no 2 % Arbeitsförderung while the profit is the larger income (EGR).
    § 2c Abs. 1: the Pauschbetrag of 102.50 € comes off the wage.
    Elterngeld-Netto = 3,800 − 102.50 − 538.33 − 717.3393 = 2,441.8307 → 2,441.83 €;
    Basiselterngeld 65 % = 1,587.19 € (EGR: 1,587.19; before: 50 € less Netto)."""
    birth = date(2025, 6, 1)
    assert uebergangsbereich_entgelt(D(1800), birth) == D("1775.47")
    result = compute_elterngeld(case(MISCH, "2025-06-01")).parents["A"]
    assert result.netto.elterngeld_netto == D("2441.83")
    assert (result.ersatzrate, result.basis_monthly) == (D("0.65"), D("1587.19"))


def test_para_2e_2f_mixed_income_with_the_larger_wage_keeps_tax_class_and_arbeitsfoerderung() -> None:
    """Shared example ex-money-024: wages 2,100 € > profit 15,000 € / 12: taxed in the wage's
    Steuerklasse I on 3,350 € (no add-back), 21 % on 3,350 €, Pauschbetrag once: 2,140.84 €."""
    income = {"kind": "mixed", "gross_monthly": 2100, "annual_profit": 15000, "tax_class": 1,
              "health_insurance": "statutory", "pension_insured": True, "unemployment_insured": True}
    result = compute_elterngeld(case(income, "2025-12-08")).parents["A"]
    assert (result.netto.elterngeld_netto, result.basis_monthly) == (D("2140.84"), D("1391.55"))


# --- Minijob after the birth ------------------------------------------------------------------------

def test_para_2_abs_3_minijob_after_the_birth_of_an_insured_employee() -> None:
    """Before: 3,000 € StKl I, birth 2025: Elterngeld-Netto 1,945.42 € (reference B3 A), 65 %.
    After: 450 € in the Basis months 3–12, a Minijob (≤ 538 €): no tax (§ 40a EStG, pauschal).
    § 2f Abs. 2 leaves Minijob income out of the contribution base; the EGR deducts the flat
    contributions of the employment before the birth all the same: 21 % × 450 = 94.50 €
    (followed: ``erwerb_nach_geburt``). Pauschbetrag 102.50 €. Netto after = 253.00 €.
    § 2 Abs. 3: 0.65 × (1,945.42 − 253.00) = 1,100.07 € (EGR: 1,100.07; the law's reading gives
    0.65 × (1,945.42 − 347.50) = 1,038.65 €)."""
    employee = {"kind": "employee", "gross_monthly": 3000, "tax_class": 1}
    after = [{"from_month": 3, "to_month": 12, "gross_monthly": 450, "hours_per_week": 10}]
    result = compute_elterngeld(case(employee, "2025-06-01", after=after)).parents["A"]
    assert result.netto.elterngeld_netto == D("1945.42")
    amounts = {m.month: m.amount for m in result.months}
    assert amounts[1] == amounts[2] == D("1264.52")
    assert all(amounts[m] == D("1100.07") for m in range(3, 13))


def test_para_2_abs_3_the_issue_case_450_euro_in_basis_months() -> None:
    """Issue 17: with 450 € Minijob income in Basis months the amount was 739.81 €, the calculator
    pays 801.24 €: the difference is 65 % of the 94.50 € contributions (61.43 €). Pre-birth wage
    2,200 € StKl I, birth 2025: Elterngeld-Netto 1,485.67 €, Basis without income 965.69 €.
    § 2 Abs. 3: 0.65 × (1,485.67 − 253.00) = 801.2355 → 801.24 € (EGR: 965.69 / 801.24)."""
    employee = {"kind": "employee", "gross_monthly": 2200, "tax_class": 1}
    after = [{"from_month": 3, "to_month": 12, "gross_monthly": 450, "hours_per_week": 10}]
    result = compute_elterngeld(case(employee, "2025-06-01", after=after)).parents["A"]
    assert result.netto.elterngeld_netto == D("1485.67")
    amounts = {m.month: m.amount for m in result.months}
    assert amounts[1] == amounts[2] == D("965.69")
    assert all(amounts[m] == D("801.24") for m in range(3, 13))


def test_para_2_abs_3_a_minijob_before_the_birth_keeps_income_after_it_free_of_deductions() -> None:
    """A parent with only a Minijob before the birth has no tax or contributions after it either
    (EGR): 800 € after the birth − 102.50 € = 697.50 € Netto, Plus 1.0 × (317.50 − 697.50) → the
    minimum 150 €."""
    mini = {"kind": "minijob", "gross_monthly": 420}
    after = [{"from_month": 1, "to_month": 12, "gross_monthly": 800, "hours_per_week": 20}]
    result = compute_elterngeld(case(mini, "2025-06-01", plan="P" * 12, after=after)).parents["A"]
    assert {m.amount for m in result.months} == {D(150)}


# --- Minijob before the birth ---------------------------------------------------------------------------

def test_para_2_abs_2_minijob_90_euro_before_the_birth_has_the_rate_100_percent() -> None:
    """§ 2c Abs. 1: 90 € − 102.50 € Pauschbetrag → Elterngeld-Netto 0 € (not below nothing).
    § 2 Abs. 2 Satz 1: below 1,000 € the rate rises by 0.1 points per 2 €, up to 100 %: 1.0
    (the EGR reports 1.0). § 2 Abs. 4: Basiselterngeld at least 300 €."""
    result = compute_elterngeld(case({"kind": "minijob", "gross_monthly": 90}, "2025-06-01"))
    parent = result.to_json()["parents"]["A"]
    assert parent["ersatzrate"] == 1.0
    assert (parent["elterngeld_netto"], parent["basis_monthly"]) == (0, 300)


def test_a_birth_whose_pap_is_not_published_names_the_pap_it_was_computed_with() -> None:
    """§ 2e Abs. 1 Satz 2 BEEG: a birth in 2030 takes the PAP of 1.1.2029, which does not exist yet; the result is
    computed provisionally with the newest PAP (ADR 0019) and the step said "Programmablaufplan 2029" as if it
    existed (walk9 N7)."""
    from workbench.explain import Explanation
    from workbench.rules.elterngeld.netto import steuern
    from workbench.rules.steuer.lohnsteuer import VORSORGEPAUSCHALE_NACH_PAP

    newest = max(VORSORGEPAUSCHALE_NACH_PAP)
    employee = Erwerb("employee", wage_m=D(3000), tax_class=1)
    later, known = Explanation(), Explanation()
    steuern(employee, date(2030, 5, 1), later)
    steuern(employee, date(newest + 1, 5, 1), known)
    assert later.steps[0].key == "netto.lohnsteuer_provisional"
    text = later.steps[0].render("de")
    assert "Programmablaufplan 2029 (noch nicht veröffentlicht; vorläufig nach dem Programmablaufplan " \
           f"{newest} mit den neuesten bekannten Werten)" in text
    assert known.steps[0].key == "netto.lohnsteuer"
    assert f"Programmablaufplan {newest} für 3.000 € monatlich" in known.steps[0].render("de")
