"""An adoption family (tests/cases/familien/adoption.json): Noah, born 20 Sep 2025, taken in by Maren (A) and Kai
(B) on 2 Mar 2026 with the aim of adoption (Adoptionspflege, § 1 Abs. 3 Satz 1 Nr. 1 BEEG).

For such a child the day it was taken in replaces the birth (§ 1 Abs. 3 Satz 2 BEEG): Lebensmonate, assessment
period and Elternzeit count from 2 Mar 2026; Elterngeld at most until the day before the 8th birthday
(§ 4 Abs. 1 Satz 3 BEEG); no Mutterschutz and no set-off of Mutterschaftsgeld for the adoptive mother.
"""

from __future__ import annotations

import io
import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from workbench.case import load_case
from workbench.errors import CaseError
from workbench.evaluation.elterngeld.engine import compute_elterngeld
from workbench.evaluation.kita import kita_result
from workbench.evaluation.lebenslagen import elternzeit_result
from workbench.evaluation.leistungscheck import leistungscheck
from workbench.report.leistungscheck import check_json

D = Decimal
FAMILY = Path(__file__).resolve().parent / "cases" / "familien" / "adoption.json"


def data() -> dict[str, Any]:
    return json.loads(FAMILY.read_text(encoding="utf-8"))


def test_lebensmonate_and_the_assessment_period_count_from_the_day_noah_was_taken_in() -> None:
    result = compute_elterngeld(load_case(FAMILY))
    maren, kai = result.parents["A"], result.parents["B"]
    assert result.birth == date(2026, 3, 2) and result.taken_in
    assert (maren.months[0].start, maren.months[0].end) == (date(2026, 3, 2), date(2026, 4, 1))
    # Bemessungszeitraum: the 12 calendar months before March 2026, all at 6,000 € (counted from the birth in
    # September 2025 it would be 09/2024–08/2025 with only six months of pay: an average of 3,000 €)
    steps = [s.key for s in maren.explanation.steps]
    assert steps[0] == "einkommen.aufnahme"
    assert "Bemessungszeitraum 03/2025 bis 02/2026: durchschnittlicher Bruttolohn 6.000,00 €" in " ".join(maren.explanation.render("de"))
    # 6,000 € in class IV leave an Elterngeld-Netto of 3,520.17 € > 2,770 €: the Höchstbetrag 1,800 € (§ 2 Abs. 1)
    assert [m.amount for m in maren.months] == [D("1800")] * 12
    assert [(m.month, m.amount) for m in kai.months] == [(13, D("1800")), (14, D("1800"))]
    # 12 × 1,800 € + 2 × 1,800 € = 25,200 €
    assert result.valid and result.total == D("25200")


def test_an_adoptive_mother_has_no_mutterschutz_months_set_off() -> None:
    flagged = data()
    flagged["household"]["parents"][0]["maternity_benefit"] = True  # wrongly ticked: no birth, no MuSchG
    maren = compute_elterngeld(load_case(flagged)).parents["A"]
    assert [m.amount for m in maren.months] == [D("1800")] * 12 and not any(m.maternity for m in maren.months)


def test_mutterschutz_data_for_an_adopted_child_are_refused_with_a_reason() -> None:
    wrong = data()
    wrong["mutterschutz"] = {"mother": "A", "child": "K1", "due_date": "2025-09-20", "employment": "none",
                             "insurance": "family_insured"}
    with pytest.raises(CaseError) as err:
        load_case(wrong)
    assert "Mutterschutz und Mutterschaftsgeld gibt es nur nach einer Geburt" in str(err.value)


def test_elterngeld_ends_the_day_before_the_eighth_birthday() -> None:
    older = data()
    older["household"]["children"][0]["birth_date"] = "2018-05-01"  # 8 years old on 1 May 2026
    result = compute_elterngeld(load_case(older))
    # last day 30 Apr 2026; Lebensmonat 2 (2 Apr – 1 May 2026) and all later ones reach beyond it
    assert [(v.rule, v.months) for v in result.violations] == [("after_eighth_birthday", tuple(range(2, 15)))]
    assert "30.04.2026" in result.violations[0].message("de")


def test_a_taken_in_date_before_the_birth_is_refused() -> None:
    wrong = data()
    wrong["household"]["children"][0]["placement"]["date"] = "2025-09-01"
    with pytest.raises(CaseError) as err:
        load_case(wrong)
    assert "household.children[0].placement.date" in str(err.value) and "vor der Geburt (2025-09-20)" in str(err.value)


def test_kindergeld_for_a_child_in_adoptionspflege_and_the_parents_decide_who_receives_it() -> None:
    out = check_json(leistungscheck(load_case(FAMILY), date(2026, 7, 1)), "de")
    # a Pflegekind until the adoption (§ 32 Abs. 1 Nr. 2 EStG): 259 € (§ 66 Abs. 1 EStG)
    assert out["benefits"]["kindergeld"]["monthly"] == 259.0
    assert [h["key"] for h in out["hints"] if h["key"].startswith("leistungen.hint.kg_")] == ["leistungen.hint.kg_bestimmen"]


def test_elternzeit_counts_from_the_day_noah_was_taken_in() -> None:
    ez = elternzeit_result(load_case(FAMILY), today=date(2026, 1, 5))
    assert ez is not None and ez.birth == date(2026, 3, 2) and not ez.findings
    # Maren's months 1–12, Kai's 13–14 as in the Elterngeld plan; notice 7 weeks before 2 Mar 2026 = 12 Jan 2026
    assert ez.lebensmonate == {"A": list(range(1, 13)), "B": [13, 14]}
    assert ez.periods[0].anmeldefrist == date(2026, 1, 12)


def test_kita_claim_counts_from_the_first_birthday() -> None:
    result = kita_result(load_case(FAMILY))
    assert result is not None and result.termine.anspruch_ab == date(2026, 9, 20)  # § 24 Abs. 2 SGB VIII


def test_the_handout_names_the_elterngeld() -> None:
    from workbench.report.handout import handout_pdf

    text = "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(handout_pdf(load_case(FAMILY)))).pages)
    assert "25.200,00 €" in text and "Maren" in text
    # the plan's Lebensmonate count from the day Noah was taken in: LM 1 = 02.03.2026 – 01.04.2026
    assert "02.03.2026 – 01.04.2026" in text


def test_the_tax_years_see_the_elterngeld_from_the_day_noah_was_taken_in(capsys: pytest.CaptureFixture[str]) -> None:
    from workbench.cli import main

    assert main(["steuer", str(FAMILY)]) == 0
    year = json.loads(capsys.readouterr().out)["years"][0]
    maren = year["parents"][0]
    # 2026: pay in January and February, and 1 March (6,000 € × 1/31 = 193.55 €): 12,193.55 €; Elterngeld for
    # Lebensmonate 1–10, which begin in 2026 (2 Mar – 2 Dec): 10 × 1,800 € = 18,000 € (§ 32b EStG)
    assert (year["year"], maren["wages"], maren["elterngeld"], maren["maternity_pay"]) == (2026, 12193.55, 18000.0, 0.0)


def _adopted_at_four() -> dict[str, Any]:
    """Noah born 15 Apr 2022, taken in on 2 Mar 2026: the birth lies years before the placement."""
    later = data()
    later["household"]["children"][0]["birth_date"] = "2022-04-15"
    del later["elternzeit"]  # the letter takes its periods from the plan
    later["household"]["parents"][1]["personal"]["employer"] = {
        "name": "Stadtwerke Bochum", "address": {"street": "Ostring", "house_number": "28", "postcode": "44787",
                                                 "city": "Bochum"}}
    return later


def test_the_elterngeld_forms_of_a_child_adopted_at_four_are_offered_from_the_day_it_was_taken_in() -> None:
    from workbench.forms.offering import claim_deadline, unfit_reasons
    from workbench.forms.registry import get_map

    case = load_case(_adopted_at_four())
    # last planned Lebensmonat 14 (Kai); the application pays back three Lebensmonate (§ 7 Abs. 1 Satz 2 BEEG), so
    # it may arrive up to the end of Lebensmonat 17 counted from 2 Mar 2026: 1 Aug 2027 (counted from the birth it
    # would have been 14 Sep 2023, and no Elterngeld form would be offered at all)
    assert claim_deadline(case) == date(2027, 8, 1)
    assert unfit_reasons(case, get_map("elterngeld-bund"), "A", date(2026, 6, 1)) == []
    assert unfit_reasons(case, get_map("elterngeld-bund"), "A", date(2027, 8, 2)) != []


def test_the_elternzeit_letter_of_a_child_adopted_at_four_counts_from_the_day_it_was_taken_in() -> None:
    from workbench.forms.letter import binding_end, elternzeit_letter, elternzeit_periods

    case = load_case(_adopted_at_four())
    # Kai's Lebensmonate 13–14 from 2 Mar 2026: 2 Mar – 1 May 2027; 7 weeks' notice as within the first three
    # years from the taking in (§ 15 Abs. 2 Satz 5, § 16 Abs. 1 Satz 1 BEEG): 12 Jan 2027
    (kai,) = elternzeit_periods(case, "B")
    assert (kai.start, kai.end, kai.deadline) == (date(2027, 3, 2), date(2027, 5, 1), date(2027, 1, 12))
    (maren,) = elternzeit_periods(case, "A")
    assert (maren.start, maren.end, maren.deadline) == (date(2026, 3, 2), date(2027, 3, 1), date(2026, 1, 12))
    assert binding_end(case, "B", date(2026, 1, 5)) == date(2029, 3, 1)
    pdf, notes = elternzeit_letter(case, "B", date(2026, 1, 5))
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "mein Kind Noah, geboren am 15.04.2022, in meinen Haushalt aufgenommen am 02.03.2026" in text
    assert "1. vom 02.03.2027 bis zum 01.05.2027" in text
    assert notes == ["Elternzeit ab 02.03.2027: das Schreiben muss spätestens am 12.01.2027 beim Arbeitgeber sein "
                     "(§ 16 Abs. 1 Satz 1 BEEG)."]
