"""The application folder of a case: which applications, until when, where (issue 20).

The twins family (tests/cases/familien/zwillinge.json): twins born 10.03.2026; Aylin (A) plans
Basiselterngeld in Lebensmonate 1–12, Jonas (B) in 1–2; Elternzeit A from 10.06.2026, B from
the birth; nothing says Kindergeld runs already.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

from workbench.case import load_case
from workbench.evaluation.antragsmappe import antragsmappe

TWINS = Path(__file__).parent / "cases" / "familien" / "zwillinge.json"
SINGLE = Path(__file__).parents[1] / "docs" / "examples" / "leistungscheck-alleinerziehend.json"


def _by(mappe, benefit: str, parent: str | None = None):  # type: ignore[no-untyped-def]
    [found] = [a for a in mappe.antraege if a.benefit == benefit and a.parent == parent]
    return found


def test_right_after_the_birth_every_application_is_still_in_time() -> None:
    mappe = antragsmappe(load_case(TWINS), date(2026, 4, 1))
    # § 7 Abs. 1 Satz 2 BEEG: Lebensmonat 1 (10.03.–09.04.) is paid if the application arrives within Lebensmonat 4
    aylin = _by(mappe, "elterngeld", "A")
    assert aylin.frist.bis == date(2026, 7, 9) and aylin.paid_from is None and not aylin.overdue(mappe.on)
    # § 70 Abs. 1 Satz 2 EStG: March 2026 is paid if the application arrives by the end of September
    kindergeld = _by(mappe, "kindergeld")
    assert kindergeld.frist.bis == date(2026, 9, 30) and kindergeld.children == ("K1", "K2")
    # § 16 Abs. 1 BEEG: Elternzeit from 10.06.2026 must be requested 7 weeks before, by 22.04.2026
    assert _by(mappe, "elternzeit", "A").frist.bis == date(2026, 4, 22)
    # Jonas' Elternzeit from the birth needed the request by 20.01.2026: missed
    assert _by(mappe, "elternzeit", "B").overdue(mappe.on)
    assert [a.frist.bis for a in mappe.antraege] == sorted(a.frist.bis for a in mappe.antraege)


def test_late_in_the_year_the_folder_says_what_is_lost_and_what_can_still_be_saved() -> None:
    mappe = antragsmappe(load_case(TWINS), date(2026, 12, 7))
    # 07.12.2026 lies in Lebensmonat 9 (10.11.–09.12.): an application now pays from Lebensmonat 6 (10.08.)
    aylin = _by(mappe, "elterngeld", "A")
    assert aylin.paid_from == date(2026, 8, 10)
    assert aylin.frist.bis == date(2026, 12, 9)  # after that Lebensmonat 6 is lost as well
    assert not aylin.overdue(mappe.on)
    jonas = _by(mappe, "elterngeld", "B")  # his Lebensmonate 1–2 needed the application by the end of Lebensmonat 5
    assert jonas.overdue(mappe.on) and jonas.frist.bis == date(2026, 8, 9)
    kindergeld = _by(mappe, "kindergeld")  # six months back from December: June to December are still paid
    assert kindergeld.paid_from == date(2026, 6, 1) and kindergeld.frist.bis == date(2026, 12, 31)


def test_the_single_mother_applies_for_kiz_and_wohngeld_this_month_and_uvg_one_month_back() -> None:
    mappe = antragsmappe(load_case(SINGLE), date(2026, 12, 7))
    benefits = {a.benefit for a in mappe.antraege}
    assert {"kinderzuschlag", "wohngeld", "unterhaltsvorschuss"} <= benefits
    assert _by(mappe, "kinderzuschlag").frist.bis == date(2026, 12, 31)  # § 6a Abs. 7 Satz 2 BKGG
    uvg = _by(mappe, "unterhaltsvorschuss")
    assert uvg.covers_from == date(2026, 11, 1) and uvg.frist.bis == date(2026, 12, 31)  # § 4 UVG


def test_kindergeld_already_running_is_not_applied_for_again() -> None:
    raw = json.loads(TWINS.read_text(encoding="utf-8"))
    for child in raw["household"]["children"]:
        child["receives"] = {"kindergeld": {"parent": "A", "since": "2026-03-01"}}
    mappe = antragsmappe(load_case(raw), date(2026, 12, 7))
    assert "kindergeld" not in {a.benefit for a in mappe.antraege}


def test_the_command_prints_the_folder_with_offices_and_paragraphs(tmp_path: Path) -> None:
    out = subprocess.run([sys.executable, "-m", "workbench", "antragsmappe", str(TWINS), "--today", "2026-12-07"],
                         capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("Antragsmappe FAM-ZWILLINGE – Stand 07.12.2026")
    assert "VERPASST (09.08.2026)  Elterngeld für Jonas" in out.stdout
    assert "bis 09.12.2026  Elterngeld für Aylin" in out.stdout
    assert "ein Antrag, der jetzt eingeht, zahlt ab 10.08.2026" in out.stdout
    assert "(§ 7 Abs. 1 Satz 2 BEEG" in out.stdout and "(§ 70 Abs. 1 Satz 2 EStG" in out.stdout
    assert "Stelle: Elterngeldstelle der Stadt Bochum (Jugendamt) (Stelle bitte prüfen)" in out.stdout
    data = json.loads(subprocess.run([sys.executable, "-m", "workbench", "antragsmappe", str(TWINS), "--today",
                                      "2026-04-01", "--json", "--language", "en"],
                                     capture_output=True, text=True, check=True).stdout)
    kindergeld = next(a for a in data["applications"] if a["benefit"] == "kindergeld")
    assert kindergeld["deadline"] == "2026-09-30" and kindergeld["overdue"] is False
    assert kindergeld["office"]["name"].startswith("Familienkasse of the Federal Employment Agency")
    bad = subprocess.run([sys.executable, "-m", "workbench", "antragsmappe", str(TWINS), "--today", "7.12.2026"],
                         capture_output=True, text=True, check=False)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr


def test_every_office_entry_has_a_source_and_a_date() -> None:
    """The office data the folder and the cover letters use is dated and sourced (issue 20)."""
    from workbench.rules.leistungen.offices import APPLICATIONS, office_info, offices

    data = offices()
    assert set(APPLICATIONS) <= set(data)
    for benefit in APPLICATIONS:
        info = office_info(benefit, "de", date(2026, 12, 7))
        assert info["source"].strip() and isinstance(info["as_of"], date), benefit
        assert date(2026, 1, 1) <= info["as_of"] <= date(2026, 12, 7), benefit
        assert info["office"]["name"] and info["documents"], benefit


def test_an_adopted_childs_elterngeld_deadline_counts_from_the_day_it_was_taken_in() -> None:
    """§ 4 Abs. 1 Satz 3 BEEG with § 7 Abs. 1 Satz 2: the child of adoption.json was taken in on 02.03.2026
    (Adoptionspflege); Lebensmonat 1 runs 02.03.–01.04.2026, so the application for it must arrive by the
    end of Lebensmonat 4, 01.07.2026 — not from the birth years before."""
    case = load_case(Path(__file__).parent / "cases" / "familien" / "adoption.json")
    mappe = antragsmappe(case, date(2026, 3, 10))
    first = _by(mappe, "elterngeld", "A")
    assert first.covers_from == date(2026, 3, 2)
    assert first.frist.bis == date(2026, 7, 1)
