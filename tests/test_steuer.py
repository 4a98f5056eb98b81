"""Progressionsvorbehalt (§ 32b EStG) and Steuerklassenwahl (§ 2c Abs. 3 BEEG), issue 22 items 4 and 5."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date
from decimal import ROUND_DOWN, Decimal
from pathlib import Path
from typing import Any

import pytest

from workbench.case import load_case
from workbench.evaluation.elterngeld.engine import compute_elterngeld
from workbench.evaluation.steuer import steuer_result, steuerklassenwahl
from workbench.report.register import ADVISOR
from workbench.report.steuer import steuer_json, steuer_sections
from workbench.rules.elterngeld.bemessung import bemessungszeitraum
from workbench.rules.elterngeld.steuerklasse import massgebliche_steuerklasse, wechselfrist
from workbench.rules.steuer.progression import leistungen_nach_pauschbetrag, progressionsvorbehalt

D = Decimal


def tarif_2026(x: int) -> int:
    """§ 32a Abs. 1 EStG 2026, written out by hand for the zones the tests use (zone 3)."""
    assert 17799 < x <= 69878
    z = (D(x) - 17799) / 10000
    return int(((D("173.10") * z + 2397) * z + D("1034.87")).quantize(D(1), rounding=ROUND_DOWN))


# --- § 32b EStG by hand -------------------------------------------------------------------------

def test_progressionsvorbehalt_single_by_hand() -> None:
    # zvE 40,000 €, Elterngeld 10,000 € (the wages used the Pauschbetrag).
    # Tax on 40,000: z = 2.2201 → (173.10·z + 2397)·z + 1034.87 = 7,209.63 → 7,209 €.
    # Tax on 50,000: z = 3.2201 → 10,548.33 → 10,548 €; besonderer Steuersatz 10,548 / 50,000 = 21.096 %.
    # Tax with the rate: 40,000 × 21.096 % = 8,438.40 → 8,438 €; Mehrsteuer 1,229 €.
    assert tarif_2026(40000) == 7209 and tarif_2026(50000) == 10548
    p = progressionsvorbehalt(D(40000), D(10000), 2026, splitting=False)
    assert p.steuer_ohne == 7209
    assert p.satz == D("0.210960")
    assert p.steuer_mit == 8438
    assert p.mehrsteuer == 1229


def test_progressionsvorbehalt_splitting_by_hand() -> None:
    # Joint zvE 60,000 €, benefits 15,000 €: § 32a Abs. 5 – twice the tax on half.
    # Half of 60,000 = 30,000 → 4,217 €, × 2 = 8,434 €. Half of 75,000 = 37,500 → 6,429 €, × 2 = 12,858 €.
    # Rate 12,858 / 75,000 = 17.144 %; 60,000 × 17.144 % = 10,286.40 → 10,286 €; Mehrsteuer 1,852 €.
    assert 2 * tarif_2026(30000) == 8434 and 2 * tarif_2026(37500) == 12858
    p = progressionsvorbehalt(D(60000), D(15000), 2026, splitting=True)
    assert (p.steuer_ohne, p.satz, p.steuer_mit, p.mehrsteuer) == (8434, D("0.171440"), 10286, 1852)


def test_zero_benefit_gives_zero_effect() -> None:
    p = progressionsvorbehalt(D(40000), D(0), 2026, splitting=False)
    assert p.mehrsteuer == 0 and p.steuer_mit == p.steuer_ohne == 7209


def test_no_taxable_income_no_tax_whatever_the_benefits() -> None:
    assert progressionsvorbehalt(D(0), D(20000), 2026, splitting=True).steuer_mit == 0


def test_arbeitnehmer_pauschbetrag_reduces_the_benefits_where_the_wages_left_it() -> None:
    # § 32b Abs. 2 Satz 1 Nr. 1 EStG: 1,230 € (2026) in so far as not used by the wages.
    assert leistungen_nach_pauschbetrag(D(10000), D(0), 2026) == D(8770)
    assert leistungen_nach_pauschbetrag(D(10000), D(500), 2026) == D(9270)
    assert leistungen_nach_pauschbetrag(D(10000), D(2000), 2026) == D(10000)
    assert leistungen_nach_pauschbetrag(D(800), D(0), 2026) == 0


# --- § 2c Abs. 3 BEEG ---------------------------------------------------------------------------

def test_the_last_months_class_counts_unless_another_held_in_the_majority() -> None:
    assert massgebliche_steuerklasse([4] * 6 + [3] * 6) == 3    # a tie: the last month's class
    assert massgebliche_steuerklasse([4] * 7 + [3] * 5) == 4    # IV held in 7 of 12 months
    assert massgebliche_steuerklasse([4] * 5 + [3] * 7) == 3


def test_deadline_seven_months_before_the_mutterschutz() -> None:
    # Due 2027-06-15, Mutterschutz from 2027-05-04: Bemessungszeitraum May 2026 – April 2027;
    # the new class must hold from October 2026, so apply by 30 September 2026 (§ 39 Abs. 6 Satz 3 EStG).
    months = bemessungszeitraum(date(2027, 6, 15), skip_from=date(2027, 5, 4))
    assert (months[0], months[-1]) == ((2026, 5), (2027, 4))
    f = wechselfrist(months)
    assert f.wirksam_ab == date(2026, 10, 1) and f.antrag_bis == date(2026, 9, 30)


def _case(gross_a: int, gross_b: int, plan_a: str, plan_b: str, due: str = "2027-06-15", maternity: bool = True) -> Any:
    return load_case({
        "format": "workbench-case/2", "case_id": "steuer-1", "language": "de",
        "household": {"married": True, "parents": [
            {"id": "A", "name": "Eva", "maternity_benefit": maternity,
             "income_before_birth": {"kind": "employee", "gross_monthly": gross_a, "tax_class": 4}},
            {"id": "B", "name": "Jonas",
             "income_before_birth": {"kind": "employee", "gross_monthly": gross_b, "tax_class": 4}}],
            "children": [{"id": "K1", "birth_date": due, "expected": True}]},
        "elterngeld_plan": {"child": "K1", "months": {"A": plan_a, "B": plan_b}},
    })


def test_a_change_to_iii_v_that_pays() -> None:
    case = _case(3000, 4000, "B" * 10, "-" * 10 + "B" * 4)
    base = compute_elterngeld(case)
    wahl = steuerklassenwahl(case, base, today=date(2026, 7, 1))
    assert wahl is not None and wahl.aktuell == {"A": 4, "B": 4}
    best = wahl.beste
    assert best is not None and best.klassen == {"A": 3, "B": 5}
    assert best.frist.antrag_bis == date(2026, 9, 30) and best.monate == 9   # October 2026 to June 2027
    # Her Basiselterngeld changes by the replacement rate times the change of her Elterngeld-Netto:
    # 65 % of the higher Netto (her rate is 65 % both ways at this income).
    iii = compute_elterngeld(case.model_copy(update={"household": case.household.model_copy(update={"parents": [
        case.household.parents[0].model_copy(update={"income_before_birth": case.household.parents[0]
                                                     .income_before_birth.model_copy(update={"tax_class": 3})}),
        case.household.parents[1]]})}))
    d_netto = iii.parents["A"].netto.elterngeld_netto - base.parents["A"].netto.elterngeld_netto
    assert best.je_monat["A"] == (D("0.65") * d_netto).quantize(D("0.01")) or abs(
        best.je_monat["A"] - D("0.65") * d_netto) <= D("0.01")
    assert best.elterngeld["A"] == 8 * best.je_monat["A"]           # ten Basis months, two of them Mutterschutz (0 €)
    assert best.elterngeld["B"] == 4 * best.je_monat["B"] < 0       # his four months in class V
    assert best.gewinn == best.elterngeld["A"] + best.elterngeld["B"] > 0
    assert 0 < best.pv_mehrsteuer < best.gewinn                     # more benefits, a little more tax on them
    # § 20 MuSchG: the top-up is the net pay per calendar day less 13 €, so it rises with her net pay:
    # (Netto in III − Netto in IV) / 30 for each of the 99 days of the protection period (6 + 8 weeks + 1).
    tage = (date(2027, 8, 10) - date(2027, 5, 4)).days + 1
    n4, n3 = base.parents["A"].netto.netto_before, iii.parents["A"].netto.netto_before
    assert tage == 99 and n3 is not None and n4 is not None
    assert best.zuschuss == (n3 / 30 * tage).quantize(D("0.01")) - (n4 / 30 * tage).quantize(D("0.01")) > 0
    assert best.gewinn_nach_steuer == best.gewinn + best.zuschuss - best.pv_mehrsteuer and best.lohnt
    # The figures docs/steuer.md quotes (observed, consistent with the checks above).
    assert (best.je_monat["A"], best.je_monat["B"], best.gewinn, best.zuschuss, best.pv_mehrsteuer) == (
        D("168.78"), D("-275.06"), D("250.00"), D("856.91"), D(113))
    assert best.netto_je_monat["A"] > 0 > best.netto_je_monat["B"]  # III raises her pay, V lowers his


def test_a_change_that_does_not_pay_when_the_partners_loss_is_larger() -> None:
    # Equal pay, seven Basis months each, no Mutterschaftsgeld (no top-up that would follow the net pay):
    # what class V takes from one exceeds what class III gives the other, whichever way round.
    case = _case(3500, 3500, "B" * 7, "-" * 7 + "B" * 7, maternity=False)
    wahl = steuerklassenwahl(case, today=date(2026, 7, 1))
    assert wahl is not None and wahl.beste is None
    top = wahl.optionen[0]
    assert not top.zu_spaet and top.gewinn_nach_steuer < 0 and top.zuschuss == 0
    assert -top.elterngeld["B"] > top.elterngeld["A"] > 0 or -top.elterngeld["A"] > top.elterngeld["B"] > 0


def test_a_change_that_comes_too_late() -> None:
    case = _case(3000, 4000, "B" * 10, "-" * 10 + "B" * 4)
    wahl = steuerklassenwahl(case, today=date(2026, 10, 1))
    assert wahl is not None and wahl.beste is None
    assert wahl.optionen[0].zu_spaet and wahl.optionen[0].gewinn_nach_steuer > 0


def test_unmarried_parents_have_no_choice_of_classes() -> None:
    case = _case(3000, 4000, "B" * 10, "-" * 10 + "B" * 4)
    single = case.model_copy(update={"household": case.household.model_copy(update={"married": False})})
    assert steuerklassenwahl(single, today=date(2026, 7, 1)) is None


# --- the plan's years ---------------------------------------------------------------------------

def test_years_of_a_plan_carry_the_benefits_and_the_joint_assessment() -> None:
    case = _case(3000, 4000, "B" * 10, "-" * 10 + "B" * 4)
    r = steuer_result(case, today=date(2026, 7, 1))
    years = {j.year: j for j in r.jahre}
    assert set(years) == {2027, 2028}
    eg = compute_elterngeld(case)
    total_eg = sum(m.amount for p in eg.parents.values() for m in p.months)
    assert sum(p.elterngeld for j in r.jahre for p in j.personen) == total_eg
    assert all(j.splitting and len(j.veranlagungen) == 1 for j in r.jahre)
    y27 = years[2027]
    assert y27.personen[1].arbeitslohn == 48000                       # he works all year at 4,000 €
    assert 12000 < y27.personen[0].arbeitslohn < 12500                # she until the Mutterschutz (4 May)
    assert y27.personen[0].mutterschaft > 0
    v = y27.veranlagungen[0]
    assert v.leistungen == y27.leistungen                             # both used the Pauschbetrag on wages
    assert v.mehrsteuer == progressionsvorbehalt(v.zve, v.leistungen, 2027, splitting=True).mehrsteuer > 0


def test_report_family_view_plain_words_and_advisor_view_with_paragraphs() -> None:
    case = _case(3000, 4000, "B" * 10, "-" * 10 + "B" * 4)
    r = steuer_result(case, today=date(2026, 7, 1))
    names = {"A": "Eva", "B": "Jonas"}
    family = steuer_sections(r, names)
    advisor = steuer_sections(r, names, advisor=True)
    assert [s.heading for s in family] == ["Steuerklassenwahl", "Voraussichtliche Steuernachzahlung (Schätzung)"]
    family_text = " ".join(p for s in family for p in s.paragraphs)
    assert "§" not in family_text and "bitte prüfen" not in family_text
    assert "30.09.2026" in family_text and "Schätzung" in family_text
    assert "§ 32b" in " ".join(p for s in advisor for p in s.paragraphs)
    english = steuer_sections(steuer_result(case.model_copy(update={"language": "en"}), today=date(2026, 7, 1)), names)
    assert english[0].heading == "Choice of tax classes"
    data = steuer_json(r)
    assert data["tax_classes"]["best"] == {"A": 3, "B": 5} and data["estimate"] is True


def test_cli_steuer(tmp_path: Path) -> None:
    case = _case(3000, 4000, "B" * 10, "-" * 10 + "B" * 4)
    path = tmp_path / "case.json"
    path.write_text(case.model_dump_json(), encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "workbench", "steuer", str(path), "--today", "2026-07-01"],
                         capture_output=True, text=True, check=True)
    data = json.loads(out.stdout)
    assert [y["year"] for y in data["years"]] == [2027, 2028]
    assert data["tax_classes"]["options"][0]["apply_by"] == "2026-09-30"


# --- the comparison page and the handout --------------------------------------------------------

def test_comparison_rows_per_plan_and_the_handout_names_the_plan() -> None:
    from workbench.evaluation.elterngeld.optimize import with_plan
    from workbench.evaluation.steuer import steuerjahre
    from workbench.evaluation.vergleich import compare, plan_choices
    from workbench.report.steuer import steuer_handout_sections, vergleich_section
    from workbench.ui.pages.vergleich.steuer import steuer_panel_html

    case = _case(3000, 4000, "B" * 10, "-" * 10 + "B" * 4)
    view = compare(case, plan_choices(case, None)[:3])
    section = vergleich_section(case, view.columns, "de")
    assert section is not None and len(section.rows) == 1 + len(view.columns)
    for col, row in zip(view.columns, section.rows[1:]):
        mehr = sum(j.mehrsteuer for j in steuerjahre(with_plan(case, col.choice.months), col.plan.result))
        assert row[0] == col.name and row[2] == f"{mehr:,.2f} €".replace(",", "X").replace(".", ",").replace("X", ".")
    named = steuer_handout_sections(case, "de", date(2026, 7, 1), plan_name="Plan im Fall")
    assert named[0].heading == "Steuerklassenwahl – zum Plan „Plan im Fall“"
    panel = steuer_panel_html(case, view, "de", ADVISOR)
    assert "Steuern rund um das Elterngeld" in panel and "§ 2c Abs. 3 BEEG" in panel and "§ 32b" in panel


def _amounts_without_euro(body: str, language: str) -> list[str]:
    """Amounts with cents or thousands separators that carry no € beside them."""
    plain = re.sub(r"<[^>]+>", " ", body)
    if language == "de":
        found = re.finditer(r"-?\d{1,3}(?:\.\d{3})*(?:,\d{2})?(?!\d)(?! ?%)", plain)
        return [m.group() for m in found if ("," in m.group() or "." in m.group())
                and not plain[m.end():m.end() + 2] == " €"]
    found = re.finditer(r"(?<![\d,.])-?\d{1,3}(?:,\d{3})*(?:\.\d{2})?(?!\d)(?! ?%)", plain)
    return [m.group() for m in found if ("," in m.group() or "." in m.group()) and plain[m.start() - 1] != "€"]


def test_the_family_reads_the_tax_panel_in_euros_and_without_paragraphs() -> None:
    """Issue 24: the comparison page is what the family looks at; its tax panel showed "Elterngeld im Plan
    632,44" and "(§ 2c Abs. 3, § 2e BEEG)". The family's register: every amount in euros, no §; the advisor's
    register keeps the §§, its steps in euros too."""
    from workbench.evaluation.vergleich import compare, plan_choices
    from workbench.ui.pages.vergleich.steuer import steuer_panel_html

    case = _case(3000, 4000, "B" * 10, "-" * 10 + "B" * 4)
    view = compare(case, plan_choices(case, None)[:3])
    family = steuer_panel_html(case, view, "de")
    assert "§" not in family and "bitte prüfen" not in family
    assert "Wie wird das berechnet?" in family and "Mehrsteuer durch den Progressionsvorbehalt: " in family
    assert _amounts_without_euro(family, "de") == []
    advisor = steuer_panel_html(case, view, "de", ADVISOR)
    assert "§ 2c Abs. 3 BEEG" in advisor and "(§ 32b EStG)" in advisor
    assert re.search(r"Elterngeld im Plan -?[\d.]+,\d\d € \(Basiselterngeld -?[\d.]+,\d\d € je Monat\)", advisor)
    assert _amounts_without_euro(advisor, "de") == []
    english = steuer_panel_html(case, view, "en")
    assert "§" not in english and _amounts_without_euro(english, "en") == []


def test_the_handout_carries_the_tax_block(tmp_path: Path) -> None:
    import pypdfium2

    from workbench.report import handout_pdf
    from workbench.report.topics import topic_sections

    case = _case(3000, 4000, "B" * 10, "-" * 10 + "B" * 4)
    sections = topic_sections(case, "de", today=date(2026, 7, 1))
    assert [s.heading for s in sections[:2]] == ["Steuerklassenwahl", "Voraussichtliche Steuernachzahlung (Schätzung)"]
    path = tmp_path / "h.pdf"
    path.write_bytes(handout_pdf(case, "de", sections))
    pdf_text = "".join(p.get_textpage().get_text_range() for p in pypdfium2.PdfDocument(str(path)))
    assert "Steuerklassenwahl" in pdf_text and "30.09.2026" in pdf_text


def test_unmarried_parents_are_assessed_singly() -> None:
    case = _case(3000, 4000, "B" * 10, "-" * 10 + "B" * 4)
    single = case.model_copy(update={"household": case.household.model_copy(update={"married": False})})
    r = steuer_result(single, today=date(2026, 7, 1))
    assert r.wahl is None
    for j in r.jahre:
        assert not j.splitting and len(j.veranlagungen) == 2
        for p, v in zip(j.personen, j.veranlagungen):   # each parent's own benefits against their own income
            assert v.leistungen == leistungen_nach_pauschbetrag(p.leistungen, p.arbeitslohn, j.year)


def test_household_after_tax_subtracts_the_years_nachzahlung() -> None:
    from workbench.evaluation.steuer import haushalt_nach_steuern, steuerjahre

    case = _case(3000, 4000, "B" * 10, "-" * 10 + "B" * 4)
    result = compute_elterngeld(case)
    jahre = steuerjahre(case, result)
    nachzahlung = sum(j.nachzahlung for j in jahre if j.nachzahlung is not None)
    assert haushalt_nach_steuern(D(50000), case, result) == D(50000) - nachzahlung
    assert haushalt_nach_steuern(D(50000), case, result, nur_progression=True) == D(50000) - sum(j.mehrsteuer for j in jahre)


def test_a_born_childs_missed_deadline_is_left_out_of_the_family_view() -> None:
    # Lena and Tom (tests/cases/vergleich): child born 13 May 2026, the change was due by 30 September 2025.
    case = load_case(Path(__file__).parent / "cases" / "vergleich" / "familie-lena-tom.json")
    r = steuer_result(case, today=date(2026, 7, 1))
    assert r.geboren and r.wahl is not None and r.wahl.optionen[0].zu_spaet
    assert r.wahl.optionen[0].frist.antrag_bis == date(2025, 9, 30)
    names = {p.id: p.name or p.id for p in case.household.parents}
    assert [s.heading for s in steuer_sections(r, names)] == ["Voraussichtliche Steuernachzahlung (Schätzung)"]
    assert steuer_sections(r, names, advisor=True)[0].heading == "Steuerklassenwahl"


def test_ranking_by_household_after_tax() -> None:
    from workbench.evaluation.elterngeld.optimize import optimize, with_plan
    from workbench.evaluation.steuer import haushalt_nach_steuern, nach_steuern_gerankt

    case = _case(3000, 4000, "B" * 10, "-" * 10 + "B" * 4)
    plans = optimize(case, top=3).plans
    ranked = nach_steuern_gerankt(case, plans)
    assert sorted(p.months.__repr__() for p, _ in ranked) == sorted(p.months.__repr__() for p in plans)
    values = [v for _, v in ranked]
    assert values == sorted(values, reverse=True)
    for plan, value in ranked:
        assert value == haushalt_nach_steuern(plan.household_income, with_plan(case, plan.months), plan.result)


def test_the_familys_tax_table_and_years_read_as_plain_words() -> None:
    # walk9: the twins' handout said "Für 2026, 2027 macht das …" and its narrow column head broke the
    # law's word as "Progressionsvorbehal t"; the family's head is plain, the advisor's keeps the word
    case = _case(3000, 4000, "B" * 10, "-" * 10 + "B" * 4)
    r = steuer_result(case, today=date(2026, 7, 1))
    names = {"A": "Eva", "B": "Jonas"}
    family = [s for s in steuer_sections(r, names) if s.rows][0]
    advisor = [s for s in steuer_sections(r, names, advisor=True) if s.rows][0]
    assert family.rows[0] == ("Jahr", "steuerfreie Leistungen", "Mehrsteuer", "voraussichtliche Nachzahlung (− Erstattung)")
    assert advisor.rows[0][2] == "Mehrsteuer (Progressionsvorbehalt)"
    years = [str(j.year) for j in r.jahre if j.leistungen > 0]
    assert len(years) >= 2, years
    wanted = ", ".join(years[:-1]) + " und " + years[-1]
    assert f"Für {wanted} macht das voraussichtlich" in family.paragraphs[0], family.paragraphs[0]
