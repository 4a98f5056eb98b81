"""The Antragsmappe page without a browser (issue 20, ADR 0037): ticks, "Unterschrieben", the cover letter,
"Weitergeleitet" and the decision each save one version; opening and the language switch save nothing; the start
page's Fristen follow."""

from __future__ import annotations

import base64
import re
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
import io

from tests.memory_store import MemoryStore
from workbench.case import dump_case, load_case
from workbench.store import CaseStore
from workbench.ui.kit.fristen import FristenList
from workbench.ui.pages.antragsmappe import AntragsmappePage
from workbench.ui.pages.antragsmappe.panel import ApplicationPanel

TWINS = Path(__file__).parent / "cases" / "familien" / "zwillinge.json"


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBENCH_TODAY", "2026-12-07")


def _page(store: Any = None) -> tuple[AntragsmappePage, Any]:
    store = store if store is not None else MemoryStore()
    data = dump_case(load_case(TWINS))
    version = store.save(data, expected_version=None)
    return AntragsmappePage(store.open("FAM-ZWILLINGE").data, store, version), store


def _panel(page: AntragsmappePage, benefit: str, parent: str | None = None) -> ApplicationPanel:
    return next(p for p in page.panels if p.entry.benefit == benefit and p.entry.parent == parent)


def _buttons(panel: ApplicationPanel) -> list[str]:
    return [b.description for b in panel.actions.children]


def test_opening_shows_every_application_most_urgent_first_and_saves_nothing() -> None:
    page, store = _page()
    assert [(p.entry.benefit, p.entry.parent) for p in page.panels] == [
        ("elternzeit", "B"), ("elternzeit", "A"), ("elterngeld", "B"), ("elterngeld", "A"), ("kindergeld", None)]
    mother = _panel(page, "elterngeld", "A")
    assert "Muss eingehen bis 09.12.2026" in mother.info.value and "Status: vorbereitet" in mother.info.value
    assert "Elterngeldstelle der Stadt Bochum (Jugendamt) (Stelle bitte prüfen)" in mother.info.value
    assert [box.description for _, box in mother.ticks][-1].startswith("Bescheinigung der Krankenkasse über Mutterschaftsgeld")
    assert _buttons(mother) == ["Unterschrieben", "Begleitschreiben erstellen"]
    page.set_language("en")
    assert "Must arrive by 9 Dec 2026" in _panel(page, "elterngeld", "A").info.value
    assert len(store.versions["FAM-ZWILLINGE"]) == 1  # ADR 0016: reading and the switch write nothing


def test_ticks_signing_the_letter_and_forwarding_each_save_and_the_status_follows() -> None:
    page, store = _page()
    mother = _panel(page, "elterngeld", "A")
    mother.ticks[0][1].value = True
    mother.ticks[1][1].value = True
    assert len(store.versions["FAM-ZWILLINGE"]) == 3
    saved = store.versions["FAM-ZWILLINGE"][-1]
    assert saved["format"] == "workbench-case/4"
    assert saved["antragsmappe"]["applications"][0]["documents"] == ["elterngeld_antrag", "geburtsbescheinigung"]
    assert "Noch nicht abgehakt: 2" in mother.info.value

    mother.actions.children[0].click()  # Unterschrieben
    assert "Status: unterschrieben am 07.12.2026" in mother.info.value
    assert _buttons(mother) == ["Begleitschreiben erstellen"]

    mother.actions.children[0].click()  # Begleitschreiben erstellen: a download, no file on the server
    assert len(store.versions["FAM-ZWILLINGE"]) == 4  # producing the letter alone records nothing
    href = re.search(r'href="data:application/pdf;base64,([^"]+)"', mother.link.value)
    assert href is not None and 'download="Begleitschreiben-FAM-ZWILLINGE-elterngeld-A.pdf"' in mother.link.value
    body = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(base64.b64decode(href.group(1)))).pages)
    body = " ".join(body.split())
    assert "Geburtsbescheinigung für Elterngeld" in body and "Einkommensnachweise" not in body
    assert "am 07.12.2026 bei uns eingegangen" in body
    assert _buttons(mother) == ["Begleitschreiben erstellen", "Weitergeleitet"]

    mother.actions.children[1].click()  # Weitergeleitet
    record = store.versions["FAM-ZWILLINGE"][-1]["antragsmappe"]["applications"][0]
    assert record["forwarded_on"] == "2026-12-07" and record["signed_on"] == "2026-12-07"
    assert "Status: weitergeleitet am 07.12.2026" in mother.info.value and mother.link.value == ""
    assert "Muss eingehen" not in mother.info.value  # forwarded, the application is made
    assert _buttons(mother) == ["Bescheid eintragen"]

    mother.decision_day.value = "3.13.2027"
    mother.actions.children[0].click()
    assert "Bitte das Datum als TT.MM.JJJJ" in mother.message.widget.value
    mother.decision_day.value = "12.01.2027"
    mother.rejected.value = True
    mother.actions.children[0].click()
    assert "Status: abgelehnt, Bescheid vom 12.01.2027 – Widerspruch bis 18.02.2027" in mother.info.value
    assert store.versions["FAM-ZWILLINGE"][-1]["antragsmappe"]["applications"][0]["rejected"] is True


def test_a_refused_save_keeps_the_folder_as_it_was_and_says_so() -> None:
    page, store = _page()
    store.save(store.open("FAM-ZWILLINGE").data | {"notes": "von nebenan"}, expected_version=1)
    mother = _panel(page, "elterngeld", "A")
    mother.actions.children[0].click()  # Unterschrieben
    assert "jemand anderem gespeichert" in page.status.value and "Status: vorbereitet" in mother.info.value
    assert store.versions["FAM-ZWILLINGE"][-1].get("antragsmappe") is None


def test_the_start_pages_fristen_follow_the_folder(tmp_path: Path) -> None:
    store = CaseStore(tmp_path / "cases.sqlite")
    fristen = FristenList("de", lambda: store)
    fristen.refresh()
    assert "Noch kein Fall mit Antragsmappe" in fristen.body.value
    page, _ = _page(store)
    mother = _panel(page, "elterngeld", "A")
    mother.ticks[0][1].value = True
    fristen.refresh()
    assert 'href="antragsmappe.ipynb?case=FAM-ZWILLINGE"' in fristen.body.value
    assert re.search(r'data-kind="antrag"><strong>bis 09.12.2026</strong>: Antrag weiterleiten: Elterngeld – Aylin',
                     fristen.body.value)
    mother.actions.children[1].click()  # Begleitschreiben erstellen
    mother.actions.children[2].click()  # Weitergeleitet
    fristen.refresh()
    assert "Elterngeld – Aylin" not in fristen.body.value and "Elterngeld – Jonas" in fristen.body.value


def test_a_draft_shows_what_is_missing_and_a_way_back() -> None:
    store = MemoryStore()
    draft = {"format": "workbench-case/4", "case_id": "EG-20261207-AAAA", "household": {"parents": [], "children": []}}
    store.save(draft, expected_version=None)
    page = AntragsmappePage(store.open("EG-20261207-AAAA").data, store, 1)
    shown = page.body.children[0].value
    assert "Der Fall ist noch nicht vollständig" in shown and 'href="start.ipynb"' in shown
    assert page.panels == [] and len(store.versions["EG-20261207-AAAA"]) == 1


def test_the_notebooks_page_names_a_missing_or_unknown_case(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from workbench.ui.pages.antragsmappe import antragsmappe_page

    monkeypatch.setenv("WORKBENCH_DATA", str(tmp_path))
    monkeypatch.delenv("WORKBENCH_STORE", raising=False)
    assert "bitte den Fall auf der Startseite wählen" in antragsmappe_page({}).children[-1].value
    assert "Der Fall XY-1 wurde nicht gefunden." in antragsmappe_page({"case": "XY-1"}).children[-1].value
    CaseStore(tmp_path / "cases.sqlite").save(dump_case(load_case(TWINS)), expected_version=None)
    english = _texts(antragsmappe_page({"case": "FAM-ZWILLINGE", "lang": "en"}))
    assert "Application folder" in english and "Must arrive by" in english and "Muss eingehen" not in english


def _texts(widget: Any) -> str:
    """Every HTML text in a widget tree."""
    own = str(getattr(widget, "value", "")) if hasattr(widget, "value") and isinstance(widget.value, str) else ""
    return own + "".join(_texts(child) for child in getattr(widget, "children", ()))


def test_the_case_list_links_a_family_case_to_its_folder_and_not_a_draft() -> None:
    from datetime import UTC, datetime

    from workbench.store.records import CaseSummary
    from workbench.ui.kit.case_list import cases_table

    now = datetime(2026, 12, 7, 12, tzinfo=UTC)
    table = cases_table([CaseSummary("EG-20261207-AAAA", "Aylin & Jonas", 3, now, True, topic="elterngeld"),
                         CaseSummary("EG-20261207-BBBB", "Eva", 1, now, False, topic="elterngeld"),
                         CaseSummary("PF-20261207-CCCC", "Jana", 1, now, True, topic="pflege")], "de")
    assert '<th scope="col">Antragsmappe</th>' in table
    assert ('<a href="antragsmappe.ipynb?case=EG-20261207-AAAA" aria-label="Antragsmappe von Aylin &amp; Jonas öffnen">'
            'Antragsmappe</a>') in table
    assert "antragsmappe.ipynb?case=EG-20261207-BBBB" not in table and "antragsmappe.ipynb?case=PF-" not in table
