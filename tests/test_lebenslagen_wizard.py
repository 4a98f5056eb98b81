"""The Mutterschutz and Elternzeit wizards without a browser: entries, hand-over, findings, handout."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tests.memory_store import MemoryStore
from workbench.case import load_case
from workbench.report.lebenslagen import elternzeit_sections, mutterschutz_sections
from workbench.report import handout_pdf
from workbench.ui.pages.lebenslagen import ElternzeitWizard, MutterschutzWizard, new_case


def _names(wizard: Any, *names: str) -> None:
    step = wizard.steps[0]
    step.parents.resize(len(names))
    for row, name in zip(step.parents.rows, names):
        row.fields["name"].input.value = name


def test_mutterschutz_wizard_computes_the_money_and_hands_the_months_to_elterngeld() -> None:
    store = MemoryStore()
    wizard = MutterschutzWizard(new_case("MS"), store, autosave_delay=0, today=date(2026, 4, 1))
    _names(wizard, "Aylin", "Jonas")
    wizard._on_next()
    geburt = wizard.steps[1]
    geburt.due.input.value = "15.06.2026"  # type: ignore[attr-defined]
    geburt.birth.input.value = "01.06.2026"  # type: ignore[attr-defined]
    wizard._on_next()
    assert wizard.index == 2
    work = wizard.steps[2]
    wizard._on_next()  # no net pay yet: refused next to the fields
    assert wizard.index == 2 and "Nettoentgelt" in work.net[0].message.text  # type: ignore[attr-defined]
    for field in work.net:  # type: ignore[attr-defined]
        field.input.value = "2.100"
    wizard._on_next()
    assert wizard.index == 3
    out = wizard.steps[3].out.value  # type: ignore[attr-defined]
    assert "04.05.2026" in out and "10.08.2026" in out and "1.287,00 €" in out and "5.643,00 €" in out
    assert 'role="img"' in out and "Zeitleiste" in out
    case = load_case(wizard.data)
    assert case.household.parents[0].maternity_benefit  # hand-over to the Elterngeld plan
    assert case.household.children[0].weeks_early == 2 and not case.household.children[0].expected
    assert "Lebensmonate 1–3" in " ".join(mutterschutz_sections(case, "de")[0].paragraphs)
    saved = store.open(case.case_id)
    assert saved.data["mutterschutz"]["net_last_3_months"] == [2100, 2100, 2100]


def test_elternzeit_wizard_warns_about_a_deadline_already_past() -> None:
    store = MemoryStore()
    wizard = ElternzeitWizard(new_case("EZ", "en"), store, autosave_delay=0, today=date(2026, 4, 20))
    _names(wizard, "Aylin", "Jonas")
    wizard._on_next()
    wizard.steps[1].birth.input.value = "10.03.2026"  # type: ignore[attr-defined]
    wizard._on_next()
    periods = wizard.steps[2]
    periods.periods.append()  # type: ignore[attr-defined]
    row = periods.periods.rows[0]  # type: ignore[attr-defined]
    row.fields["parent"].input.value = "B"
    row.fields["start"].input.value = "01.06.2026"
    row.fields["end"].input.value = "31.07.2026"
    row.fields["hours_per_week"].input.value = "20"
    wizard._on_next()
    assert wizard.index == 3
    out = wizard.steps[3].out.value  # type: ignore[attr-defined]
    assert "13 Apr 2026" in out and "6 Apr 2026" in out  # deadline, protection from
    assert "wb-ez-warnung" in out and "has passed" in out
    sections = elternzeit_sections(load_case(wizard.data), "en", date(2026, 4, 20))
    assert sections[0].rows[1][0] == "Jonas: 1 Jun 2026 – 31 Jul 2026" and sections[0].rows[1][2] == "13 Apr 2026"


def test_the_handout_takes_both_sections() -> None:
    from tests.shared import SHARED
    import json
    import subprocess
    import tempfile
    from pathlib import Path

    data = json.loads((SHARED / "examples" / "elterngeld" / "ex-money-020.json").read_text())["case"]
    data["mutterschutz"] = {"due_date": "2025-09-17", "birth_date": "2025-09-17", "net_last_3_months": [2100, 2100, 2100]}
    data["elternzeit"] = {"periods": [{"parent": "A", "start": "2025-11-13", "end": "2026-09-16"},
                                      {"parent": "B", "start": "2026-09-17", "end": "2026-11-16", "hours_per_week": 24}]}
    case = load_case(data)
    pdf = handout_pdf(case, "de", sections=[*mutterschutz_sections(case, "de"), *elternzeit_sections(case, "de", date(2025, 10, 1))])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "h.pdf"
        path.write_bytes(pdf)
        txt = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "Mutterschutz und Mutterschaftsgeld" in txt and "1.287,00 €" in txt
    assert "Elternzeit" in txt and "25.09.2025" in txt


def test_the_timeline_lines_up_mutterschutz_elterngeld_months_and_elternzeit() -> None:
    from tests.shared import SHARED
    import json

    from workbench.ui.pages.lebenslagen.zeitleiste import timeline_svg

    data = json.loads((SHARED / "examples" / "elterngeld" / "ex-money-020.json").read_text())["case"]
    data["household"]["parents"][0]["name"] = "Eva"
    data["household"]["parents"][1]["name"] = "Jonas"
    data["elternzeit"] = {"periods": [{"parent": "A", "start": "2025-11-13", "end": "2026-09-16"},
                                      {"parent": "B", "start": "2026-09-17", "end": "2026-11-16", "hours_per_week": 24}]}
    case = load_case(data)
    svg = timeline_svg(case, "de", date(2025, 9, 1))
    for label in ("Mutterschutz Eva", "Elterngeld Eva", "Elterngeld Jonas", "Elternzeit Eva", "Elternzeit Jonas"):
        assert f">{label}</text>" in svg
    assert "Schutzfrist 06.08.2025 bis 12.11.2025" in svg  # 6 weeks before the 17 September birth
    assert "Lebensmonat 13: Basiselterngeld" in svg or "Lebensmonat 13: Basis" in svg
    assert "Anmeldefrist Eva: 25.09.2025" in svg and 'role="img"' in svg and "<desc" in svg
    late = timeline_svg(case, "en", date(2025, 10, 1))
    assert "Notice deadline Eva passed: 25 Sep 2025" in late


def test_elternzeit_wizard_asks_who_gives_birth_and_never_assumes_parent_1() -> None:
    """Issue 16: no "Mutter" from the order of entries. Lena and Sara; Sara, entered second, gives birth:
    her protection period counts towards her two years (§ 16 Abs. 1 Satz 4 BEEG), Lena's do not start later."""
    store = MemoryStore()
    wizard = ElternzeitWizard(new_case("EZ", "de"), store, autosave_delay=0, today=date(2026, 4, 20))
    _names(wizard, "Lena", "Sara")
    wizard._on_next()
    child = wizard.steps[1]
    assert [label for label, _ in child.maternity.input.options] == [  # type: ignore[attr-defined]
        "Lena", "Sara", "niemand von beiden (z. B. Adoption, selbstständig)"]
    assert child.maternity.input.value == ""  # type: ignore[attr-defined]  # nobody until chosen
    child.birth.input.value = "10.03.2026"  # type: ignore[attr-defined]
    child.maternity.input.value = "B"  # type: ignore[attr-defined]
    wizard._on_next()
    parents = {p["id"]: p for p in wizard.data["household"]["parents"]}
    assert parents["B"]["maternity_benefit"] and not parents["A"].get("maternity_benefit")
    from workbench.evaluation.lebenslagen import mother_protection_end

    assert list(mother_protection_end(load_case(wizard.data))) == ["B"]
    wizard._on_back()
    assert wizard.steps[1].maternity.input.value == "B"  # type: ignore[attr-defined]  # shown again as chosen


def test_the_mutterschutz_wizard_takes_the_parent_who_gives_birth_not_the_first() -> None:
    """Issue 16: Lena and Sara; the case (e.g. from the Elterngeld wizard) records that Sara, entered second,
    gives birth: the Mutterschutz is hers and so is the hand-over of the protection months."""
    store = MemoryStore()
    data = new_case("MS")
    data["household"]["parents"] = [{"id": "A", "name": "Lena"}, {"id": "B", "name": "Sara", "gives_birth": True}]
    wizard = MutterschutzWizard(data, store, autosave_delay=0, today=date(2026, 4, 1))
    wizard._on_next()
    geburt = wizard.steps[1]
    geburt.due.input.value = "15.06.2026"  # type: ignore[attr-defined]
    geburt.birth.input.value = "01.06.2026"  # type: ignore[attr-defined]
    wizard._on_next()
    assert wizard.data["mutterschutz"]["mother"] == "B"
    for field in wizard.steps[2].net:  # type: ignore[attr-defined]
        field.input.value = "2.100"
    wizard._on_next()
    assert wizard.index == 3
    case = load_case(wizard.data)
    assert case.parent("B").maternity_benefit and not case.parent("A").maternity_benefit


def test_the_mutterschutz_wizard_refuses_a_birth_that_has_not_happened_yet(monkeypatch: pytest.MonkeyPatch) -> None:
    """walk10: seen on 20.08.2026, "Tatsächlicher Geburtstag" 05.09.2026 was taken as a birth that had happened
    (the result planned protection after a birth still to come); the day of birth must not be after the office's
    day (``?today=`` only moves the deadlines, so it is not the measure)."""
    monkeypatch.setenv("WORKBENCH_TODAY", "2026-08-20")
    store = MemoryStore()
    wizard = MutterschutzWizard(new_case("MS"), store, autosave_delay=0, today=date(2026, 8, 20))
    _names(wizard, "Lea")
    wizard._on_next()
    geburt = wizard.steps[1]
    geburt.due.input.value = "10.09.2026"  # type: ignore[attr-defined]
    geburt.birth.input.value = "05.09.2026"  # type: ignore[attr-defined]
    wizard._on_next()
    assert wizard.index == 1
    message = geburt.birth.message.text  # type: ignore[attr-defined]
    assert "05.09.2026" in message and "Zukunft" in message and "leer lassen" in message
    assert geburt.due.input.value == "10.09.2026"  # nothing typed is lost
    geburt.birth.input.value = "20.08.2026"  # born today: fine  # type: ignore[attr-defined]
    wizard._on_next()
    assert wizard.index == 2


def _lea(today: date) -> Any:
    """Lea (invented): due 10.09.2026, born early on 06.08.2026, protection 30.07.–03.12.2026 (walk10)."""
    store = MemoryStore()
    wizard = MutterschutzWizard(new_case("MS"), store, autosave_delay=0, today=today)
    _names(wizard, "Lea")
    wizard._on_next()
    geburt = wizard.steps[1]
    geburt.due.input.value = "10.09.2026"  # type: ignore[attr-defined]
    geburt.birth.input.value = "06.08.2026"  # type: ignore[attr-defined]
    geburt.premature.input.value = True  # type: ignore[attr-defined]
    wizard._on_next()
    for field in wizard.steps[2].net:  # type: ignore[attr-defined]
        field.input.value = "2.450,80"
    wizard._on_next()
    assert wizard.index == 3
    return wizard


def test_after_the_protection_period_the_application_is_worded_for_the_past() -> None:
    """walk10 F5: seen on 08.12.2026 for a protection period that ended on 03.12.2026 the result still said
    "frühestens 7 Wochen vor dem Termin". Now: the period has ended, the application is still possible, with the
    birth certificate (§ 24i Abs. 3 SGB V, § 19 Abs. 2 MuSchG for the advisor; no § for the family)."""
    wizard = _lea(date(2026, 12, 8))
    out = wizard.steps[3].out.value  # type: ignore[attr-defined]
    assert "frühestens 7 Wochen vor dem Termin" not in out
    assert "Die Schutzfrist ist am 03.12.2026 zu Ende gegangen." in out and "geht das auch jetzt noch" in out
    assert "Geburtsbescheinigung des Standesamts" in out and "§ 24i Abs. 3 SGB V" in out
    case = load_case(wizard.data)
    for lang, ended in (("de", "Die Schutzfrist ist am 03.12.2026 zu Ende gegangen."),
                        ("en", "The protection period ended on 3 Dec 2026.")):
        family = " ".join(mutterschutz_sections(case, lang, date(2026, 12, 8))[0].paragraphs)
        assert ended in family and "§" not in family and "7 " not in family.split(ended)[1][:60]
    before = " ".join(mutterschutz_sections(case, "de", date(2026, 7, 1))[0].paragraphs)
    assert "frühestens 7 Wochen vor dem Termin" in before and "zu Ende gegangen" not in before


def test_the_easy_sheet_says_the_application_is_still_possible_after_the_period(monkeypatch: pytest.MonkeyPatch) -> None:
    """Leichte Sprache: after the period the sheet no longer drops the application but says it can still be made."""
    from workbench.report import leichte_sprache_themen

    case = load_case(_lea(date(2026, 12, 8)).data)
    monkeypatch.setattr(leichte_sprache_themen, "clock_today", lambda: date(2026, 12, 8))
    block = leichte_sprache_themen.mutterschutz_block(case, "de")
    assert block is not None and "Das geht auch jetzt noch." in " ".join(block.paragraphs)
    monkeypatch.setattr(leichte_sprache_themen, "clock_today", lambda: date(2026, 7, 1))
    block = leichte_sprache_themen.mutterschutz_block(case, "de")
    assert block is not None and "Bescheinigung vom Arzt oder von der Hebamme" in " ".join(block.paragraphs)
