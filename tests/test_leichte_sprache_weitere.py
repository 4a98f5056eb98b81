"""Kita, Pflege, Vorsorge and Neu in Bochum in Leichte Sprache (ADR 0043): the amounts and dates of the rules
on the family's sheet, the rules of Leichte Sprache, the family's register, and no "eigenes Blatt" left."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from tests.test_leichte_sprache_themen import follows_the_rules, words
from workbench.case import load_case
from workbench.evaluation.kita import kita_result
from workbench.evaluation.pflege import pflege_results
from workbench.evaluation.vorsorge import vorsorge_kosten
from workbench.evaluation.zuzug import zuzug_result
from workbench.report import handout_pdf
from workbench.report.register import FAMILY, family_sheet_problems
from workbench.report.topics import topic_sections

CASES = Path(__file__).parent / "cases"
KITA_PFLEGE = CASES / "lebenslagen" / "kita-pflege-vorsorge.json"
SWEDEN = CASES / "zuzug" / "schweden.json"
DORTMUND = CASES / "zuzug" / "dortmund.json"
STUDY = CASES / "zuzug" / "drittstaat_studium.json"


def easy(case: Any, language: str = "de") -> str:
    """The sheet of the case's topics alone (no Elterngeld plan: these families came for other things);
    ``language="en"``: the same sheet in plain English."""
    from workbench.report.leichte_sprache import leichte_sprache_pdf

    case = load_case(case) if isinstance(case, (Path, dict)) else case
    if language == "en":
        return words(leichte_sprache_pdf(case, [], language="en"))
    return words(handout_pdf(case, "de-LS", topic_sections(case, "de"), plans=[]))


def raw(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def test_kita_pflege_and_vorsorge_in_leichte_sprache_with_the_rules_amounts_and_dates(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBENCH_TODAY", "2026-03-16")
    case = load_case(KITA_PFLEGE)
    body = easy(case)
    follows_the_rules(body, case.case_id)
    assert "eigenes Blatt" not in body and "Dazu bekommen Sie" not in body  # every topic has its block now
    # Kita: Ela, born 14.09.2025, has the claim from her 1st birthday (§ 24 Abs. 2 SGB VIII); start 01.10.2026,
    # registered 6 months before (§ 5 Abs. 1 KiBiz); 62,000 € is over the free limit: the Jugendamt sets the fee
    kita = kita_result(case)
    assert kita is not None and kita.termine.anspruch_ab == date(2026, 9, 14)
    assert kita.termine.anmeldung_spaetestens == date(2026, 4, 1) and kita.fee.status == "satzung_pruefen"
    assert "Ab dem 14. September 2026 hat Ela ein Recht auf einen Kita-Platz." in body
    assert "Die Anmeldung muss spätestens am 1. April 2026 sein." in body
    assert "Den Betrag legt das Jugend-Amt der Stadt Bochum fest." in body
    assert "Ela soll 35 Stunden in der Woche in die Kita gehen." in body
    # § 50 Abs. 1 KiBiz: 4 years old on 14.09.2029, before 30 September: free from 01.08.2029
    assert "Ab dem 16. März" not in body and "Ab dem 1. August 2029 kostet die Kita nichts mehr." in body
    # Pflege: Pflegegrad 3 in 2026 (§§ 36, 37, 38 SGB XI): 599 € Pflegegeld, 1,497 € Sachleistung, 40 % → 359.40 €
    benefits, leave = pflege_results(case, date(2026, 3, 16)) or (None, None)
    assert benefits is not None and leave is not None
    assert [o.pflegegeld_m for o in benefits.options] == [Decimal(599), Decimal(0), Decimal("359.40")]
    assert "• Nur die Familie pflegt.\nDann gibt es 599,00 Euro Pflege-Geld im Monat." in body
    assert "dem Pflege-Dienst bis zu 1.497,00 Euro im Monat." in " ".join(body.split())  # the line wraps
    assert "Der Pflege-Dienst macht 40 Prozent der Pflege.\nDann gibt es 359,40 Euro Pflege-Geld im Monat." in body
    assert "• 131,00 Euro im Monat für Hilfe im Alltag." in body  # § 45b SGB XI
    # Daniel: 10 days with 90 % of 2,400 € net / 30 = 72 € a day (§ 44a Abs. 3 SGB XI); the loan half the gap
    assert leave.pug_tag == Decimal(72)
    assert "Das sind etwa 72,00 Euro am Tag." in body
    assert "Das sind etwa 1.200,00 Euro im Monat." in body and "Das sind etwa 450,00 Euro im Monat." in body
    # notice for a start on 01.06.2026: 10 working days (§ 3 Abs. 3 PflegeZG), 8 weeks (§ 2a Abs. 1 FPfZG)
    assert "Der Brief muss spätestens am 18. Mai 2026 dort sein." in body
    assert "Der Brief muss spätestens am 6. April 2026 dort sein." in body
    assert "Die Pflege-Kasse legt die genauen Beträge fest." in body  # unverified amounts: not "bitte prüfen"
    # Vorsorge: the Vollmacht and the Patientenverfügung, certified and registered
    costs = vorsorge_kosten(case, date(2026, 3, 16))
    assert costs is not None and costs.beglaubigung == Decimal(10)
    assert "Das kostet 10,00 Euro." in body
    assert f"Zusammen kostet das {costs.total:.2f} Euro.".replace(".", ",", 1) in body.replace("\n", " ")
    assert "Die Vorsorge-Vollmacht:" in body and "Die Patienten-Verfügung:" in body
    assert "Betreuungs-Verfügung:" not in body  # not chosen
    for word in ("Kita-Portal", "Jugend-Amt", "Pflege-Grad", "Pflege-Kasse", "Darlehen", "Betreuer", "Notar"):
        assert f"\n{word}\n" in body, word  # the hard words are explained
    assert body.startswith("Hilfen für Ihre Familie")


def test_the_same_sheet_in_plain_english_has_no_german_sentences(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBENCH_TODAY", "2026-03-16")
    case = load_case(KITA_PFLEGE)
    body = easy(case, "en")
    assert family_sheet_problems(body, "en", (case.case_id,)) == []
    assert "Then there are 599.00 euros of Pflegegeld a month." in body
    assert "The registration must be made by 1 April 2026 at the latest." in body


def test_pflegegrad_1_and_a_carer_without_a_job_get_no_money_options_and_no_time_off(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBENCH_TODAY", "2026-03-16")
    data = raw(KITA_PFLEGE)
    data["care"] = {"recipient": {"name": "Hannelore", "pflegegrad": 1}, "carer": {"parent": "B", "employed": False}}
    del data["kita"], data["vorsorge"]
    body = easy(data)
    follows_the_rules(body, data["case_id"])
    assert "Bei Pflege-Grad 1 gibt es kein Pflege-Geld." in body and "Sie können wählen" not in body
    assert "Arbeits-Tage" not in body and "Pflege-Zeit" not in body


@pytest.mark.parametrize(("kita", "expected"), [
    ({"household_income_y": 38000}, "Denn Ihre Familie verdient im Jahr höchstens 40.000,00 Euro."),
    ({"transfer": "wohngeld"}, "Denn Sie bekommen Wohn-Geld."),
    ({"start": "2029-08-01"}, "Die letzten 2 Jahre vor der Schule sind frei."),
])
def test_a_free_kita_says_why(kita: dict[str, Any], expected: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBENCH_TODAY", "2026-03-16")
    data = raw(KITA_PFLEGE)
    data["kita"].update(kita)
    body = easy(data)
    follows_the_rules(body, data["case_id"])
    assert "Die Kita kostet für Sie nichts." in body and expected in body
    assert "Beitrag\n" not in body  # no fee: the word is not explained


def test_a_registration_day_that_is_over_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBENCH_TODAY", "2026-05-04")
    body = easy(KITA_PFLEGE)
    assert "Die Anmeldung muss spätestens am 1. April 2026 sein.\nDieser Tag ist schon vorbei." in body
    assert "Der Brief an den Arbeit-Geber hätte am 6. April 2026 dort sein müssen." in body


def test_neu_in_bochum_from_sweden_with_the_steps_dates_and_the_difference_germany_pays(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBENCH_TODAY", "2026-12-01")
    case = load_case(SWEDEN)
    result = zuzug_result(case, date(2026, 12, 1))
    assert result is not None and result.koordinierung is not None
    body = easy(case)
    follows_the_rules(body, case.case_id)
    # arrived 15.11.2026: the 2 weeks to register (§ 17 Abs. 1 BMG) are over on 01.12.2026
    assert "Sie wohnen seit dem 15. November 2026 in Bochum." in body
    assert "Bringen Sie auch die Bestätigung vom Vermieter mit.\nMachen Sie das bitte sofort." in body
    # § 70 Abs. 1 Satz 2 EStG: an application by 31.05.2027 still reaches back to November 2026
    assert "Der Antrag muss spätestens am 31. Mai 2027 dort sein." in body
    # Art. 68 VO 883/2004: Sweden pays first; Germany the difference 259 − 112 = 147 € per child
    assert result.koordinierung.difference_m == Decimal(147)
    assert "Dann zahlt Sweden zuerst Geld für Ihre Kinder." in body
    assert "Das sind 147,00 Euro im Monat für jedes Kind." in body
    assert "Bis zum 15. Februar 2027 gibt es Kinder-Geld auch ohne Arbeit in" in body
    assert "Nils muss sofort in die Schule." in body and "Saga kommt am 1. August 2030 in die Schule." in body
    assert "Ihr Kind ist am" not in body  # 2 children of different ages: no single birthday on the sheet
    for word in ("Bürger-Büro", "Familien-Kasse", "Steuer-Identifikations-Nummer", "Kinder-Geld"):
        assert f"\n{word}\n" in body, word


def test_neu_in_bochum_from_dortmund_only_tells_the_familienkasse_the_new_address(
        monkeypatch: pytest.MonkeyPatch) -> None:
    case = load_case(DORTMUND)
    monkeypatch.setenv("WORKBENCH_TODAY", case.zuzug.arrival.isoformat() if case.zuzug else "2026-12-01")
    body = easy(case)
    follows_the_rules(body, case.case_id)
    assert "Sagen Sie der Familien-Kasse Ihre neue Adresse." in body
    assert "Formular S1" not in body and "Konto bei einer Bank" not in body


def test_neu_in_bochum_with_a_title_that_excludes_kindergeld_lists_it_as_not_now(
        monkeypatch: pytest.MonkeyPatch) -> None:
    case = load_case(STUDY)
    assert case.zuzug is not None
    monkeypatch.setenv("WORKBENCH_TODAY", case.zuzug.arrival.isoformat())
    result = zuzug_result(case, case.zuzug.arrival)
    assert result is not None and result.entitled["kindergeld"] is False  # § 62 Abs. 2 EStG
    body = easy(case)
    follows_the_rules(body, case.case_id)
    assert "Dieses Geld bekommt Ihre Familie im Moment nicht:\n• Kinder-Geld" in body
    assert "Ihre Beratung sagt Ihnen, warum." in body
    assert "\nAufenthalts-Titel\n" in body and "Antrag auf Kinder-Geld" not in body


@pytest.mark.parametrize("path", [KITA_PFLEGE, SWEDEN], ids=lambda p: p.stem)
def test_the_sheets_are_rendered_as_png(path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every page in test-artifacts/handout-ls-<family>-N.png, to look at (issue 24)."""
    from tests.test_report_handout import render_pages

    monkeypatch.setenv("WORKBENCH_TODAY", "2026-03-16" if path == KITA_PFLEGE else "2026-12-01")
    case = load_case(path)
    target = tmp_path / "ls.pdf"
    target.write_bytes(handout_pdf(case, "de-LS", topic_sections(case, "de"), plans=[]))
    pages = render_pages(target, f"handout-ls-{path.stem}")
    assert 2 <= len(pages) <= 6


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_care_familys_german_and_english_sheet_leaves_the_loans_check_to_the_office(language: str) -> None:
    """The loan note said "bitte mit dem Familienpflegezeit-Rechner des BAFzA prüfen" / "please check" on the
    family's sheet too; the family's register names who sets the amount (the advisor's page keeps the check)."""
    from workbench.report.pflege import pflege_sections
    from workbench.report.register import ADVISOR

    case = load_case(KITA_PFLEGE)
    on = date(2026, 3, 16)
    family = " ".join(p for s in pflege_sections(case, language, on=on, register=FAMILY) for p in s.paragraphs)
    assert family_sheet_problems(family, language, (case.case_id,)) == []
    assert ("Den genauen Betrag setzt das Bundesamt" if language == "de" else "The exact amount is set by") in family
    advisor = " ".join(p for s in pflege_sections(case, language, on=on, register=ADVISOR) for p in s.paragraphs)
    assert ("Familienpflegezeit-Rechner" if language == "de" else "calculator") in advisor


def test_twins_are_both_named_with_a_place_each(monkeypatch: pytest.MonkeyPatch) -> None:
    """§ 24 SGB VIII: each twin has the claim from the 1st birthday; the sheet names both, not only the Kita wish's child."""
    monkeypatch.setenv("WORKBENCH_TODAY", "2026-12-07")
    case = load_case(CASES / "familien" / "zwillinge.json")
    body = words(handout_pdf(case, "de-LS", topic_sections(case, "de")))
    follows_the_rules(body, case.case_id)
    assert "Kita-Plätze für Mia und Emil" in body
    assert "Mia und Emil sollen ab dem 1. August 2027 in die Kita gehen." in body
    assert "Ab dem 10. März 2027 hat jedes Kind ein Recht auf einen Kita-Platz." in body
    assert "Sie haben 2 Kinder mit demselben Geburts-Tag." in body
