"""Issue 21 "Neu in Bochum": entitlement of foreign nationals, EU coordination, first steps, school and
Ganztag – the rules with the law's boundaries, and the four fixture families through ``workbench zuzug``."""

from __future__ import annotations

import os
from datetime import date
from decimal import Decimal
from pathlib import Path

import pdfplumber
import pytest

from workbench.case import load_case
from workbench.cli import main
from workbench.evaluation.leistungscheck import leistungscheck
from workbench.evaluation.zuzug import zuzug_result
from workbench.report.register import FAMILY, family_sheet_problems
from workbench.report.zuzug import zuzug_sections
from workbench.rules.zuzug import Elternteil, berechtigung, ganztag, klasse, rangfolge, schulpflicht_ab
from workbench.rules.zuzug.ankommen import anmeldung_bis, kindergeld_antrag_bis

CASES = Path(__file__).parent / "cases" / "zuzug"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["zuzug", *args]) == 0
    return capsys.readouterr().out


# --- the rules --------------------------------------------------------------------------------------
def test_school_duty_starts_on_1_august_for_a_child_six_by_30_september() -> None:
    assert schulpflicht_ab(date(2020, 9, 30)) == date(2026, 8, 1)
    assert schulpflicht_ab(date(2020, 10, 1)) == date(2027, 8, 1)  # § 35 Abs. 1 SchulG NRW: one day later, one year later
    assert klasse(date(2018, 2, 1), date(2027, 1, 20)) == 3


def test_ganztag_claim_grows_by_grade_from_the_first_graders_of_2026_27() -> None:
    first = ganztag(date(2020, 5, 20), date(2026, 11, 15))  # grade 1 in 2026/27
    assert first.entitled and first.claim_from == date(2026, 11, 15) and first.claim_until == date(2030, 7, 31)
    assert first.hours_per_day == 8
    assert not ganztag(date(2019, 5, 20), date(2026, 11, 15)).entitled  # grade 2 in 2026/27: never
    assert not ganztag(date(2019, 5, 20), date(2027, 9, 1)).entitled  # still not when grade 2 has a claim in 2027/28
    assert ganztag(date(2021, 3, 1), date(2027, 1, 15)).claim_from == date(2027, 8, 1)


def test_residence_titles_of_62_abs_2_estg() -> None:
    on = date(2026, 12, 1)
    assert berechtigung("kindergeld", Elternteil("third", "blaue_karte"), on).entitled is True
    assert berechtigung("kindergeld", Elternteil("third", "niederlassung"), on).entitled is True
    assert berechtigung("kindergeld", Elternteil("third", "ausbildung_16e", True), on).entitled is False
    assert berechtigung("kindergeld", Elternteil("third", "studium_16b"), on).entitled is False
    assert berechtigung("kindergeld", Elternteil("third", "studium_16b", True), on).entitled is True
    humanitarian = Elternteil("third", "humanitaer_23_24_25", False, date(2025, 9, 1))
    assert berechtigung("kindergeld", humanitarian, date(2026, 11, 30)).entitled is False
    assert berechtigung("kindergeld", humanitarian, date(2026, 12, 1)).entitled is True  # 15 months, § 62 Abs. 2 Nr. 4
    assert berechtigung("elterngeld", humanitarian, date(2026, 12, 1)).entitled is False  # BEEG: only with work
    assert berechtigung("wohngeld", Elternteil("third", "studium_16b"), on).entitled is True
    assert berechtigung("kindergeld", Elternteil("third"), on).entitled is None
    assert berechtigung("kindergeld", Elternteil("eu"), on).entitled is True


def test_work_state_pays_before_residence_state_and_germany_pays_the_difference() -> None:
    k = rangfolge("Schweden", False, Decimal(259), Decimal(112))
    assert not k.germany_first and k.difference_m == Decimal(147)
    assert rangfolge("Schweden", False, Decimal(259), Decimal(300)).difference_m == 0
    both = rangfolge("Schweden", True, Decimal(259), Decimal(112))
    assert both.germany_first and both.difference_m == Decimal(259)
    assert rangfolge("Schweden", False, Decimal(259), None).difference_m is None


def test_registration_within_two_weeks_and_kindergeld_six_months_back() -> None:
    assert anmeldung_bis(date(2026, 11, 15)) == date(2026, 11, 29)
    assert kindergeld_antrag_bis(date(2026, 11, 15)) == date(2027, 5, 31)  # application in May reaches November


# --- the fixture families ---------------------------------------------------------------------------
def test_swedish_family_gets_differenzkindergeld_and_a_dated_plan(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, str(CASES / "schweden.json"), "--date", "2026-11-20")
    assert "Register your address at the Bürgerbüro" in out and "| 29 Nov 2026 |" in out
    assert "Apply for Kindergeld at the Familienkasse" in out and "| 31 May 2027 |" in out
    assert "Hand in the S1 form" in out
    assert "Kindergeld (child benefit) | yes" in out
    assert "until 15 Feb 2027" in out and "C-411/20" in out
    assert "Sweden pays its full child benefit" in out
    assert "Difference Germany pays: €147.00 per child and month (German Kindergeld €259.00 minus €112.00 from Sweden)" in out
    assert "Saga | Legal right to a Kita place or childminder | 15 Nov 2026" in out
    assert "Nils | Legal right to all-day care (OGS) until the end of grade 4" in out and "| 15 Nov 2026" in out


def test_blue_card_family_is_entitled(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, str(CASES / "drittstaat_blaue_karte.json"), "--date", "2026-12-01")
    assert "Kindergeld | ja | der Aufenthaltstitel berechtigt (§ 62 Abs. 2 EStG)" in out
    assert "Elterngeld | ja" in out and "Kinderzuschlag | ja" in out
    assert "bitte prüfen: " in out  # the title tables' wording is marked unverified


def test_student_title_excludes_kindergeld_kiz_elterngeld_uvg_but_not_wohngeld(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, str(CASES / "drittstaat_studium.json"), "--date", "2026-12-01")
    for benefit in ("Kindergeld", "Kinderzuschlag", "Elterngeld", "Unterhaltsvorschuss"):
        assert f"\n{benefit} | nein |" in out
    assert "\nWohngeld | ja |" in out
    assert "Kindergeld bei der Familienkasse beantragen" not in out  # nothing to apply for
    assert "Kein Anspruch auf Kindergeld und Kinderzuschlag mit diesem Aufenthaltstitel" in out


def test_the_leistungscheck_says_no_kindergeld_instead_of_recommending_it() -> None:
    check = leistungscheck(load_case(CASES / "drittstaat_studium.json"), date(2026, 12, 1))
    assert check.results["kindergeld"].eligible is False and check.results["kindergeld"].monthly == 0
    assert check.results["kindergeld"].reason_keys() == ["zuzug.blocked.kindergeld"]
    assert check.results["kinderzuschlag"].eligible is False
    assert check.results["unterhaltsvorschuss"].eligible is False
    assert check.results["wohngeld"].reason_keys()[0] != "zuzug.blocked.wohngeld"


def test_family_from_dortmund_registers_the_school_child_at_once(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, str(CASES / "dortmund.json"), "--date", "2027-01-20")
    assert "| 29.01.2027 |" in out
    assert "Der Familienkasse die neue Adresse mitteilen" in out and "Steuer-Identifikationsnummern" not in out
    assert "Lena: sofort an einer Schule anmelden" in out
    assert "Lena | Schulpflicht: 3. Klasse, sofort anmelden | 15.01.2027" in out
    assert "Lena | Kein Rechtsanspruch auf Ganztag" in out
    assert "Paul | Schulpflicht: Beginn der Grundschule | 01.08.2027" in out
    assert "Paul | Rechtsanspruch auf Ganztag (OGS) bis Ende Klasse 4: 8 Stunden an Werktagen, auch in den Ferien | 01.08.2027" in out
    assert zuzug_result(load_case(CASES / "dortmund.json"), date(2027, 1, 20)).koordinierung is None


@pytest.mark.parametrize("name", ["schweden", "drittstaat_blaue_karte", "drittstaat_studium", "dortmund"])
def test_the_family_sheet_has_no_internal_ids_or_checks(name: str) -> None:
    case = load_case(CASES / f"{name}.json")
    body = "\n".join(part for s in zuzug_sections(case, case.language, date(2026, 12, 1), register=FAMILY)
                     for part in (s.heading, *s.paragraphs, *(" ".join(r) for r in s.rows)))
    assert family_sheet_problems(body, case.language, (case.case_id,)) == []
    assert "§ 62" not in body  # the family reads no citations


def test_english_handout_of_the_swedish_family_as_pdf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pdf = tmp_path / "plan.pdf"
    run(capsys, str(CASES / "schweden.json"), "--date", "2026-11-20", "--pdf", str(pdf))
    assert os.stat(pdf).st_mode & 0o777 == 0o600
    with pdfplumber.open(pdf) as doc:
        words = " ".join(page.extract_text() or "" for page in doc.pages)
    for expected in ("New in Bochum – your plan for the first weeks", "Your next steps after the move",
                     "Two countries: who pays first?", "€147.00", "Please bring these documents"):
        assert expected in words
    assert "please check" not in words and "not verified" not in words


def test_the_antragsmappe_counts_kindergeld_from_the_move_and_offers_none_the_title_excludes() -> None:
    from workbench.evaluation.antragsmappe import antragsmappe

    swedes = antragsmappe(load_case(CASES / "schweden.json"), date(2026, 11, 20))
    (kindergeld,) = [a for a in swedes.antraege if a.benefit == "kindergeld"]
    assert kindergeld.covers_from == date(2026, 11, 1)  # not from Saga's birth in 2024: the family lived in Sweden
    assert kindergeld.frist.bis == date(2027, 5, 31) and kindergeld.paid_from is None
    student = antragsmappe(load_case(CASES / "drittstaat_studium.json"), date(2026, 12, 1))
    assert not [a for a in student.antraege if a.benefit in ("kindergeld", "kinderzuschlag", "unterhaltsvorschuss")]


def test_every_residence_title_has_a_rule_for_every_benefit_on_every_date() -> None:
    from workbench.case.zuzug import TITLES
    from workbench.i18n import text
    from workbench.parameters import parameters

    p = parameters("zuzug")
    for benefit in ("kindergeld", "elterngeld", "unterhaltsvorschuss", "wohngeld"):
        for entry in p.parameter(f"titel_{benefit}").values:
            assert set(entry.value) == set(TITLES), benefit
            assert set(entry.value.values()) <= {"ja", "nein", "erwerb", "erwerb_oder_15_monate"}
    for title in TITLES:
        assert text(f"ui.zuzug.title.{title}", "en")
    on = date(2026, 12, 1)
    assert berechtigung("kindergeld", Elternteil("third", "arbeitssuche_20", True), on).entitled is False  # Nr. 2 a
    assert berechtigung("kindergeld", Elternteil("third", "arbeitssuche_20_abs3", True), on).entitled is True  # Nr. 2 b


def test_unterhaltsvorschuss_is_not_for_a_couple_whatever_the_residence_title(capsys: pytest.CaptureFixture[str]) -> None:
    """walk10 F6: a two-parent family's UVG row quoted the first parent's residence title (the blue-card family:
    "ja – der Aufenthaltstitel berechtigt"). Unterhaltsvorschuss is for a child living with one parent alone
    (§ 1 Abs. 1 Nr. 2 UVG): for a couple the row says so, not the title; the Leistungscheck keeps its own UVG
    reason (not "the residence title does not entitle")."""
    out = run(capsys, str(CASES / "drittstaat_blaue_karte.json"), "--date", "2026-12-01")
    row = next(line for line in out.splitlines() if line.startswith("Unterhaltsvorschuss |"))
    assert row.startswith("Unterhaltsvorschuss | nein | ") and "Aufenthaltstitel berechtigt" not in row
    assert "bei einem Elternteil allein lebt" in row and "(§ 1 Abs. 1 Nr. 2, Abs. 3 UVG)" in row
    case = load_case(CASES / "drittstaat_blaue_karte.json")
    result = zuzug_result(case, date(2026, 12, 1))
    assert result is not None and result.entitled["unterhaltsvorschuss"] is False
    rows = {r[0]: r for s in zuzug_sections(case, "de", today=date(2026, 12, 1), register=FAMILY) for r in s.rows}
    assert "bei einem Elternteil allein lebt" in rows["Unterhaltsvorschuss"][2] and "§" not in rows["Unterhaltsvorschuss"][2]
    english = {r[0]: r for s in zuzug_sections(case, "en", today=date(2026, 12, 1), register=FAMILY) for r in s.rows}
    assert "lives with one parent alone" in english["Unterhaltsvorschuss (advance maintenance)"][2]
    check = leistungscheck(case, date(2026, 12, 1))
    assert "zuzug.blocked.unterhaltsvorschuss" not in check.results["unterhaltsvorschuss"].reason_keys()
    # a single parent is still judged by the title (the student title excludes it)
    single = run(capsys, str(CASES / "drittstaat_studium.json"), "--date", "2026-12-01")
    assert "\nUnterhaltsvorschuss | nein | " in single and "bei einem Elternteil allein lebt" not in single
