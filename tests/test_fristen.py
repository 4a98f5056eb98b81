"""Fristen across the cases with a folder (issue 20, ADR 0037): what is due within N days and what is missed,
the Widerspruch period from the decision's date, the missing documents of signed applications, and
``workbench fristen`` / ``workbench begleitschreiben --weitergeleitet`` on the command line."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from workbench.case import Case, dump_case, load_case
from workbench.evaluation.fristen import case_fristen, fristen, office_fristen
from workbench.evaluation.mappe_status import folder, widerspruch_bis, with_record
from workbench.store import CaseStore

TWINS = Path(__file__).parent / "cases" / "familien" / "zwillinge.json"
DAY = date(2026, 12, 7)  # a Monday; Aylin's Elterngeld must arrive by 09.12.2026, Kindergeld by 31.12.2026


def twins(*applications: dict[str, Any]) -> Case:
    data = dump_case(load_case(TWINS))
    data["antragsmappe"] = {"applications": list(applications)}
    return load_case(data)


@pytest.mark.parametrize("posted, known, last", [
    # posted on a Tuesday: known on the 4th day, a Saturday, so Monday (§ 37 Abs. 2 SGB X, § 26 Abs. 3 SGB X);
    # one month from then (§ 84 Abs. 1 SGG, §§ 187, 188 Abs. 2 BGB)
    (date(2027, 1, 12), date(2027, 1, 18), date(2027, 2, 18)),
    # the 4th day is New Year's Day: Monday 4 January; the period ends on Thursday 4 February
    (date(2026, 12, 28), date(2027, 1, 4), date(2027, 2, 4)),
    # known on 31 January 2028 (a Monday): the month has no 31st, so the 29 February of the leap year (§ 188 Abs. 3 BGB)
    (date(2028, 1, 27), date(2028, 1, 31), date(2028, 2, 29)),
    # posted in 2024, before the Postrechtsmodernisierungsgesetz: the 3rd day (Friday 13.12.2024), one month later
    # Monday 13.01.2025
    (date(2024, 12, 10), date(2024, 12, 13), date(2025, 1, 13)),
])
def test_the_widerspruch_period_runs_from_the_deemed_receipt_of_the_decision(posted: date, known: date,
                                                                            last: date) -> None:
    frist = widerspruch_bis(posted)
    assert frist.bis == last
    assert f"Bekannt gegeben am {known:%d.%m.%Y}" in " ".join(frist.explanation.render("de"))


def test_the_twins_checklist_asks_the_mother_for_the_mutterschaftsgeld_certificate_and_not_the_father() -> None:
    entries = {(e.benefit, e.parent): e for e in folder(twins(), DAY)}
    mother = [key for key, _ in entries[("elterngeld", "A")].checklist]
    father = [key for key, _ in entries[("elterngeld", "B")].checklist]
    assert mother == ["elterngeld_antrag", "geburtsbescheinigung", "einkommensnachweise", "mutterschaftsgeld"]
    assert "mutterschaftsgeld" not in father and "arbeitszeit" not in father
    assert entries[("kindergeld", None)].status == "vorbereitet"


def test_a_signed_application_lists_what_is_missing_until_it_is_forwarded() -> None:
    signed = twins({"benefit": "elterngeld", "parent": "A", "signed_on": "2026-12-04",
                    "documents": ["elterngeld_antrag", "geburtsbescheinigung"]})
    items = [(f.kind, f.benefit, f.parent, f.due) for f in case_fristen(signed, DAY)]
    assert ("antrag", "elterngeld", "A", date(2026, 12, 9)) in items
    assert ("unterlagen", "elterngeld", "A", date(2026, 12, 9)) in items
    missing = next(f.missing for f in case_fristen(signed, DAY) if f.kind == "unterlagen")
    assert missing[0].startswith("Einkommensnachweise") and missing[1].startswith("Bescheinigung der Krankenkasse")
    forwarded = with_record(signed, "elterngeld", "A", forwarded_on=DAY)
    after = [(f.kind, f.benefit, f.parent) for f in case_fristen(forwarded, DAY)]
    assert ("antrag", "elterngeld", "A") not in after and ("unterlagen", "elterngeld", "A") not in after
    assert ("antrag", "elterngeld", "B") in after  # the father's application is still open


def test_a_rejection_is_listed_until_its_widerspruch_period_ends() -> None:
    case = twins({"benefit": "kindergeld", "forwarded_on": "2026-11-02", "decided_on": "2026-11-30", "rejected": True})
    # posted Monday 30.11.2026, known Friday 04.12.2026, Widerspruch until Monday 04.01.2027
    listed = [f for f in case_fristen(case, DAY) if f.kind == "widerspruch"]
    assert [(f.benefit, f.due, f.overdue) for f in listed] == [("kindergeld", date(2027, 1, 4), False)]
    assert not [f for f in case_fristen(case, date(2027, 1, 5)) if f.kind == "widerspruch"]


def test_the_list_keeps_what_is_due_within_the_days_and_everything_missed_soonest_first() -> None:
    case = twins({"benefit": "elterngeld", "parent": "A", "documents": []})
    week = fristen([("FAM-ZWILLINGE", "Aylin & Jonas", lambda: case)], DAY, 7)
    assert week.until == date(2026, 12, 14)
    kinds = [(f.kind, f.benefit, f.who, f.overdue) for f in week.items]
    assert kinds == [("elternzeit", "elternzeit", "Jonas", True), ("elternzeit", "elternzeit", "Aylin", True),
                     ("antrag", "elterngeld", "Jonas", True), ("antrag", "elterngeld", "Aylin", False)]
    month = fristen([("FAM-ZWILLINGE", "Aylin & Jonas", lambda: case)], DAY, 30)
    assert [(f.benefit, f.due) for f in month.items][-1] == ("kindergeld", date(2026, 12, 31))
    assert all(f.family == "Aylin & Jonas" for f in month.items)


def test_a_case_that_cannot_be_read_is_named_and_the_others_are_listed() -> None:
    def broken() -> Case:
        return load_case({"format": "workbench-case/4", "case_id": "KAPUTT"})

    found = fristen([("KAPUTT", "", broken), ("FAM-ZWILLINGE", "", lambda: twins())], DAY, 7)
    assert found.unreadable == ("KAPUTT",) and found.items


def test_only_cases_with_a_folder_are_read_and_reading_writes_nothing(tmp_path: Path) -> None:
    store = CaseStore(tmp_path / "cases.sqlite")
    plain = dump_case(load_case(TWINS)) | {"case_id": "OHNE-MAPPE"}
    store.save(plain, expected_version=None)
    store.save(dump_case(twins({"benefit": "kindergeld"})), expected_version=None)
    assert [s.case_id for s in store.folder_cases()] == ["FAM-ZWILLINGE"]
    found = office_fristen(store, DAY, 7)
    assert {f.case_id for f in found.items} == {"FAM-ZWILLINGE"}
    assert [s.version for s in store.list()] == [1, 1]  # ADR 0016: reading never writes


def _cli(*args: str, data: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "WORKBENCH_DATA": str(data)}
    env.pop("WORKBENCH_STORE", None)
    return subprocess.run([sys.executable, "-m", "workbench", *args], capture_output=True, text=True, check=False,
                          env=env, timeout=180)


def test_forwarding_on_the_command_line_records_the_day_and_takes_the_item_off_the_list(tmp_path: Path) -> None:
    case_file = tmp_path / "zwillinge.json"
    case_file.write_text(json.dumps(dump_case(twins({"benefit": "elterngeld", "parent": "A", "signed_on": "2026-12-04",
                                                     "documents": ["elterngeld_antrag", "geburtsbescheinigung"]}))),
                         encoding="utf-8")
    assert _cli("cases", "import", str(case_file), data=tmp_path).returncode == 0
    before = json.loads(_cli("fristen", "--today", "2026-12-07", "--json", data=tmp_path).stdout)
    assert {"kind": "antrag", "parent": "A", "due": "2026-12-09", "link": "antragsmappe.ipynb?case=FAM-ZWILLINGE"}.items() \
        <= next(i for i in before["items"] if i["kind"] == "antrag" and i["parent"] == "A").items()
    assert any(i["kind"] == "unterlagen" for i in before["items"])

    out = _cli("begleitschreiben", str(case_file), "elterngeld", "--parent", "A", "--date", "2026-12-07",
               "-o", str(tmp_path / "eg.pdf"), "--weitergeleitet", data=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "weitergeleitet am 07.12.2026" in out.stdout
    assert stat.S_IMODE(case_file.stat().st_mode) == 0o600
    saved = json.loads(case_file.read_text(encoding="utf-8"))
    assert saved["format"] == "workbench-case/4"
    assert saved["antragsmappe"]["applications"][0]["forwarded_on"] == "2026-12-07"
    body = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(tmp_path / "eg.pdf").pages)
    # the ticked documents are the enclosures; the day it was signed is the day it reached the office
    assert "Geburtsbescheinigung für Elterngeld" in body and "Einkommensnachweise" not in body
    assert "am 04.12.2026 bei uns eingegangen" in body

    CaseStore(tmp_path / "cases.sqlite").save(saved, expected_version=1)  # the file's new state, as version 2
    after = json.loads(_cli("fristen", "--today", "2026-12-07", "--json", data=tmp_path).stdout)
    assert not [i for i in after["items"] if i["benefit"] == "elterngeld" and i["parent"] == "A"]
    assert [i for i in after["items"] if i["benefit"] == "elterngeld" and i["parent"] == "B"]


def test_the_text_list_and_its_messages(tmp_path: Path) -> None:
    empty = _cli("fristen", data=tmp_path)
    assert empty.returncode == 0 and "Nichts fällig und nichts verpasst." in empty.stdout
    CaseStore(tmp_path / "cases.sqlite").save(dump_case(twins({"benefit": "kindergeld"})), expected_version=None)
    shown = _cli("fristen", "--today", "2026-12-07", data=tmp_path)
    assert shown.stdout.splitlines()[0] == "Fristen bis 14.12.2026 (Stand 07.12.2026)"
    assert "bis 09.12.2026: Antrag weiterleiten: Elterngeld – Aylin · FAM-ZWILLINGE (Aylin & Jonas)" in shown.stdout
    assert "verpasst seit 20.01.2026: Elternzeit beim Arbeitgeber verlangen – Jonas" in shown.stdout
    english = _cli("fristen", "--today", "2026-12-07", "--language", "en", data=tmp_path)
    assert "by 9 Dec 2026: forward the application: Elterngeld (parental allowance) – Aylin" in english.stdout
    bad = _cli("fristen", "--days", "-3", data=tmp_path)
    assert bad.returncode == 2 and "darf nicht negativ sein" in bad.stderr and "Traceback" not in bad.stderr


def test_the_folder_json_carries_what_the_office_recorded(tmp_path: Path) -> None:
    case_file = tmp_path / "zwillinge.json"
    case_file.write_text(json.dumps(dump_case(twins(
        {"benefit": "elterngeld", "parent": "A", "signed_on": "2026-12-04", "documents": ["geburtsbescheinigung"]}))),
        encoding="utf-8")
    out = _cli("antragsmappe", str(case_file), "--today", "2026-12-07", "--json", data=tmp_path)
    assert out.returncode == 0, out.stderr
    apps = {(a["benefit"], a["parent"]): a for a in json.loads(out.stdout)["applications"]}
    mother = apps[("elterngeld", "A")]
    assert (mother["status"], mother["signed_on"], mother["forwarded_on"]) == ("unterschrieben", "2026-12-04", None)
    assert mother["ticked"] == ["geburtsbescheinigung"]
    assert mother["missing"] == ["elterngeld_antrag", "einkommensnachweise", "mutterschaftsgeld"]
    assert apps[("kindergeld", None)]["status"] == "vorbereitet"
