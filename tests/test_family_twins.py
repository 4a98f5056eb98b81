"""The twins family (tests/cases/familien/zwillinge.json) through every topic, with the figures the law gives.

Mia and Emil, born 10 March 2026 one week before the due date (17 March), first birth of a married couple;
the mother (3,200 € gross, class IV) receives Mutterschaftsgeld, the father earns 4,100 €.
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
TWINS = Path(__file__).resolve().parent / "cases" / "familien" / "zwillinge.json"


def twins():  # type: ignore[no-untyped-def]
    return load_case(TWINS)


def check() -> dict[str, Any]:
    """What ``workbench check`` prints for the twins on 1 July 2026."""
    return check_json(leistungscheck(twins(), date(2026, 7, 1)), "de")["benefits"]


def test_twins_born_2026_get_kindergeld_twice_259_euros() -> None:
    kg = check()["kindergeld"]
    assert kg["monthly"] == 518.0 and [c["monthly"] for c in kg["children"]] == [259.0, 259.0]


def test_the_guenstigerpruefung_counts_two_kinderfreibetraege() -> None:
    steps = " ".join(check()["kinderfreibetrag"]["explanation"])
    # 2026: 6,828 € Kinderfreibetrag + 2,928 € BEA per child for both parents (§ 32 Abs. 6 EStG) = 9,756 € × 2
    assert "Freibeträge für die Kinder (Anzahl: 2): 19.512 €" in steps


def test_wohngeld_counts_a_household_of_four() -> None:
    steps = " ".join(check()["wohngeld"]["explanation"])
    assert "Haushaltsmitglieder: 4 (§ 5 WoGG)" in steps
    # the Elterngeld counts above 300 € per child of the birth: 1,782.86 € − 600 € (§ 10 Abs. 1, 4 BEEG)
    assert "Einkommen Mitglied 1: 1.182,86 €" in steps


def test_elterngeld_pays_the_mehrlingszuschlag_every_month_after_twelve_weeks_of_mutterschutz() -> None:
    result = compute_elterngeld(twins())
    mother, father = result.parents["A"], result.parents["B"]
    # 65 % of 2,073.92 € = 1,348.05 € + 300 € Mehrlingszuschlag (§ 2 Abs. 2, § 2a Abs. 4 BEEG)
    assert [m.amount for m in mother.months] == [D("0")] * 3 + [D("1648.05")] * 9
    assert [m.maternity for m in mother.months][:4] == [True, True, True, False]
    assert all(m.mehrlingszuschlag == D("300") for m in father.months) and father.total == D("3938.84")
    assert result.valid and result.total == D("18771.29")


def test_mutterschutz_lasts_twelve_weeks_plus_the_week_lost_before_the_birth() -> None:
    ms = mutterschutz_result(twins())
    assert ms is not None and ms.fristen is not None
    # § 3 Abs. 2 Satz 2 Nr. 2, Satz 3 MuSchG: 10 March + 12 weeks = 2 June, + 7 days = 9 June
    assert ms.fristen.ende == date(2026, 6, 9)
    assert sorted(ms.elterngeld_monate) == [1, 2, 3]


def test_an_elternzeit_inside_the_twelve_weeks_is_flagged() -> None:
    data = json.loads(TWINS.read_text(encoding="utf-8"))
    data["elternzeit"]["periods"][0]["start"] = "2026-06-01"  # after 8 weeks + 7 days, before 12 weeks + 7 days
    ez = elternzeit_result(load_case(data), today=date(2026, 1, 5))
    assert ez is not None and [f.rule for f in ez.findings if f.parent == "A"] == ["waehrend_mutterschutz"]
    ok = elternzeit_result(twins(), today=date(2026, 1, 5))
    assert ok is not None and not [f for f in ok.findings if f.parent == "A"]


def test_kita_offers_a_place_for_each_twin() -> None:
    from workbench.report.kita import kita_sections

    result = kita_result(twins())
    assert result is not None and result.places == 2
    sections = kita_sections(twins(), "de")
    assert sections[0].heading == "Kita-Platz für Ihre Kinder (Bochum)"
    assert any("2 Kinder, 2 Plätze" in p for p in sections[0].paragraphs)
    # walk10: the advisor's text ended "Die Daten in der Tabelle gelten für alle 2." – a number without its noun
    assert any("gelten für alle 2 Kinder." in p for p in sections[0].paragraphs)


def test_the_handout_starts_the_mothers_elternzeit_after_the_twelve_weeks() -> None:
    from workbench.report.handout import handout_pdf

    text = "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(handout_pdf(twins()))).pages)
    # Elternzeit from 10.06.2026, notice 7 weeks before: 22.04.2026 (§ 16 Abs. 1 BEEG)
    assert "10.06.2026" in text and "22.04.2026" in text


def with_sister(**receives: Any) -> Any:
    data = json.loads(TWINS.read_text(encoding="utf-8"))
    data["household"]["children"].insert(0, {"id": "K0", "birth_date": "2023-05-04", "receives": receives})
    return load_case(data)


def test_a_sisters_running_kindergeld_is_not_applied_for_again_but_the_twins_are() -> None:
    case = with_sister(kindergeld={"number": "123FK456789", "parent": "A"})
    kg = check_json(leistungscheck(case, date(2026, 7, 1)), "de")["benefits"]["kindergeld"]
    assert kg["monthly"] == 777.0 and kg["running"] is False
    assert [(c["child"], c["running"]) for c in kg["children"]] == [("K0", True), ("K1", False), ("K2", False)]


def test_kindergeld_running_for_every_child_says_laeuft_bereits_on_the_handout() -> None:
    from workbench.report.leistungscheck import leistungscheck_sections

    data = json.loads(TWINS.read_text(encoding="utf-8"))
    for child in data["household"]["children"]:
        child["receives"] = {"kindergeld": {"number": "123FK456789", "parent": "A", "since": "2026-03-01"}}
    case = load_case(data)
    check_ = leistungscheck(case, date(2026, 7, 1))
    assert check_json(check_, "de")["benefits"]["kindergeld"]["running"] is True
    overview, _ahead, todo = leistungscheck_sections(case, "de", check_)  # the months ahead between (issue 24)
    assert ("Kindergeld", "518,00 €", "läuft bereits") in overview.rows
    assert any(p.startswith("Kindergeld: läuft bereits – kein neuer Antrag") for p in todo.paragraphs)
    assert not any(p.startswith("Kindergeld:") and "Familienkasse" in p for p in todo.paragraphs)


def test_the_handout_asks_for_a_birth_certificate_for_each_twin() -> None:
    # the Standesamt issues one Geburtsbescheinigung für das Elterngeld per child, so twins bring two
    from workbench.report.blocks import next_steps
    from workbench.report.handout import handout_pdf

    assert next_steps(twins(), None, ["A", "B"]).documents[0] == "report.doc_birth_many"
    for language, words in (("de", "Geburtsbescheinigungen der Kinder für das Elterngeld, eine für jedes Kind"),
                            ("en", "the children's birth certificates issued for Elterngeld, one for each child")):
        body = " ".join((p.extract_text() or "") for p in PdfReader(io.BytesIO(handout_pdf(twins(), language))).pages)
        assert words in " ".join(body.split()) and "des Kindes für das Elterngeld" not in body
    easy = " ".join((p.extract_text() or "") for p in PdfReader(io.BytesIO(handout_pdf(twins(), "de-LS"))).pages)
    assert "Für jedes Kind eine Geburts-Urkunde" in " ".join(easy.split())


def test_a_single_child_keeps_one_birth_certificate() -> None:
    from workbench.report.blocks import next_steps

    data = json.loads(TWINS.read_text(encoding="utf-8"))
    data["household"]["children"] = data["household"]["children"][:1]
    assert next_steps(load_case(data), None, ["A", "B"]).documents[0] == "report.doc_birth"
