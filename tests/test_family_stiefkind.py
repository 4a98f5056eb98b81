"""A step-family (tests/cases/familien/stiefkind.json) through every topic, with the figures the law gives.

Jana (A, no income before the birth) and Tobias (B, 7,000 € gross, class III) are married. Lina (born 10 Feb 2026)
is Jana's daughter only (``parents: ["A"]``), Paul (born 1 Jun 2018) Tobias' son only; Paul's Kindergeld already
goes to Tobias. Nothing in the rules may assume that both adults are parents of both children (issue 16).
"""

from __future__ import annotations

import io
import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from workbench.case import load_case
from workbench.evaluation.elterngeld.engine import compute_elterngeld
from workbench.evaluation.kita import kita_result
from workbench.evaluation.lebenslagen import elternzeit_result, mutterschutz_result
from workbench.evaluation.leistungscheck import leistungscheck
from workbench.report.leistungscheck import check_json

D = Decimal
FAMILY = Path(__file__).resolve().parent / "cases" / "familien" / "stiefkind.json"


def data() -> dict[str, Any]:
    return json.loads(FAMILY.read_text(encoding="utf-8"))


def check(case: Any = None) -> dict[str, Any]:
    """What ``workbench check`` prints on 1 July 2026."""
    return check_json(leistungscheck(case or load_case(FAMILY), date(2026, 7, 1)), "de")


def test_the_step_father_gets_elterngeld_for_his_wifes_child() -> None:
    result = compute_elterngeld(load_case(FAMILY))
    jana, tobias = result.parents["A"], result.parents["B"]
    # Jana had no income: the Mindestbetrag, 12 × 300 € = 3,600 € (§ 2 Abs. 4 BEEG)
    assert [m.amount for m in jana.months] == [D("300")] * 12 and jana.total == D("3600")
    # Tobias, married to Lina's mother, is entitled (§ 1 Abs. 3 Satz 1 Nr. 2 BEEG); 7,000 € gross leaves an
    # Elterngeld-Netto above 2,770 €: 65 % × 2,770 € = 1,800.50 € → the Höchstbetrag 1,800 € (§ 2 Abs. 1 BEEG),
    # in Lebensmonate 13 and 14 counted from Lina's birth: 2 × 1,800 € = 3,600 €
    assert [(m.month, m.amount) for m in tobias.months] == [(13, D("1800")), (14, D("1800"))]
    assert result.valid and result.total == D("7200")


def test_without_marriage_the_partner_of_the_mother_gets_no_elterngeld() -> None:
    unmarried = data()
    unmarried["household"]["married"] = False
    result = compute_elterngeld(load_case(unmarried))
    assert [(v.rule, v.months) for v in result.violations] == [("not_entitled_kind_des_partners", (13, 14))]
    assert "Tobias ist mit dem Elternteil des Kindes nicht verheiratet" in result.violations[0].message("de")


def test_kindergeld_for_both_children_and_the_household_decides_who_receives_linas() -> None:
    out = check()
    kg = out["benefits"]["kindergeld"]
    # 2026: 259 € per child (§ 66 Abs. 1 EStG); Paul's runs already with Tobias
    assert kg["monthly"] == 518.0
    assert [(c["child"], c["monthly"], c["running"]) for c in kg["children"]] == [("K1", 259.0, False), ("K2", 259.0, True)]
    hints = [h for h in out["hints"] if h["key"].startswith("leistungen.hint.kg_")]
    # Obhutsprinzip: mother and her husband in one household determine the Berechtigter (§ 64 Abs. 2 Satz 2 EStG)
    assert [h["key"] for h in hints] == ["leistungen.hint.kg_bestimmen"]
    assert hints[0]["text"].startswith("Kindergeld für Lina: berechtigt sind Jana / Tobias")


def test_unmarried_only_the_mother_can_receive_linas_kindergeld() -> None:
    unmarried = data()
    unmarried["household"]["married"] = False
    hints = [h for h in check(load_case(unmarried))["hints"] if h["key"].startswith("leistungen.hint.kg_")]
    assert [h["key"] for h in hints] == ["leistungen.hint.kg_nur"]
    assert hints[0]["text"].startswith("Kindergeld für Lina kann nur Jana bekommen: Tobias ist nicht Elternteil")


def test_kiz_and_wohngeld_count_both_step_children_in_a_household_of_four() -> None:
    benefits = check()["benefits"]
    assert "Haushaltsmitglieder: 4 (§ 5 WoGG)" in " ".join(benefits["wohngeld"]["explanation"])
    # the Günstigerprüfung of the married couple: 6,828 € + 2,928 € per child (§ 32 Abs. 6 EStG) × 2 = 19,512 €
    assert "Freibeträge für die Kinder (Anzahl: 2): 19.512 €" in " ".join(benefits["kinderfreibetrag"]["explanation"])


def test_mutterschutz_of_a_mother_without_a_job_protects_but_pays_nothing() -> None:
    ms = mutterschutz_result(load_case(FAMILY))
    assert ms is not None and ms.fristen is not None and ms.geld is not None
    # 6 weeks before the due date 10 Feb 2026 = 30 Dec 2025; 8 weeks after the birth = 7 Apr 2026 (§ 3 MuSchG)
    assert (ms.fristen.beginn, ms.fristen.ende) == (date(2025, 12, 30), date(2026, 4, 7))
    # family insured without employment: no Mutterschaftsgeld (§ 24i Abs. 1 SGB V), nothing set off
    assert ms.geld.gesamt == D("0") and ms.elterngeld_monate == frozenset()


def test_the_step_fathers_elternzeit_is_counted_from_linas_birth() -> None:
    ez = elternzeit_result(load_case(FAMILY), today=date(2026, 7, 1))
    assert ez is not None and not ez.findings
    # Lebensmonate 13–14 = 10 Feb – 9 Apr 2027; notice 7 weeks before the start: 23 Dec 2026 (§ 16 Abs. 1 BEEG)
    assert ez.lebensmonate == {"B": [13, 14]} and ez.periods[0].anmeldefrist == date(2026, 12, 23)


def test_kita_claim_from_linas_first_birthday() -> None:
    result = kita_result(load_case(FAMILY))
    assert result is not None and result.places == 1
    # § 24 Abs. 2 SGB VIII: from the 1st birthday; § 5 Abs. 1 KiBiz: register 6 months before the start
    assert result.termine.anspruch_ab == date(2027, 2, 10)
    assert result.termine.anmeldung_spaetestens == date(2027, 2, 1)


def test_the_handout_shows_the_elterngeld_of_both_adults() -> None:
    from workbench.report.handout import handout_pdf

    text = "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(handout_pdf(load_case(FAMILY)))).pages)
    assert "7.200,00 €" in text and "Tobias" in text and "Jana" in text
