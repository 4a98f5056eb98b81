"""Issue 24: the start page's case list shows the topic, links the comparison only for a case with a plan,
and pages through many cases so the quick calculation stays on the first screen."""

from __future__ import annotations

import re
from pathlib import Path

from tests.test_store_summary import EG_NO_PLAN, EG_PLAN, PFLEGE, VORSORGE
from workbench.store import CaseStore
from workbench.ui.kit.case_list import PAGE_SIZE, CaseList
from workbench.ui.pages.vergleich.show import vergleich_page


def _rows(table: str) -> dict[str, str]:
    return {m.group(1): m.group(0) for m in re.finditer(r'<tr data-case="([^"]+)">.*?</tr>', table)}


def test_the_list_shows_topics_names_and_the_comparison_only_with_a_plan(tmp_path: Path) -> None:
    store = CaseStore(tmp_path / "cases.sqlite")
    for case in (EG_PLAN, EG_NO_PLAN, PFLEGE, VORSORGE):
        store.save(case, expected_version=None)
    listing = CaseList("de", lambda: store, lambda _r: None)
    listing.refresh()
    rows = _rows(listing.table.value)
    assert "<th scope=\"col\">Thema</th>" in listing.table.value
    assert 'href="vergleich.ipynb?case=EG-20261201-AAAA"' in rows["EG-20261201-AAAA"]
    assert "vergleich.ipynb" not in rows["EG-20261201-BBBB"]  # no plan: nothing to compare
    assert '<td data-topic="pflege">Pflege</td>' in rows["PF-20261201-CCCC"]
    assert ">Pflege: Jana</a>" in rows["PF-20261201-CCCC"] and 'href="pflege.ipynb?case=PF-20261201-CCCC"' in rows["PF-20261201-CCCC"]
    assert ">Vorsorgevollmacht: Gerda</a>" in rows["VO-20261201-DDDD"]  # not "–"
    assert listing.pager.layout.display == "none"  # everything on one page


def test_many_cases_come_in_pages_of_ten(tmp_path: Path) -> None:
    store = CaseStore(tmp_path / "cases.sqlite")
    for n in range(31):
        store.save({**EG_NO_PLAN, "case_id": f"EG-20261201-{n:04d}"}, expected_version=None)
    listing = CaseList("de", lambda: store, lambda _r: None)
    listing.refresh()
    assert len(_rows(listing.table.value)) == PAGE_SIZE == 10
    assert "Fälle 1–10 von 31" in listing.position.value and listing.newer.disabled and not listing.older.disabled
    for _ in range(3):
        listing.older.click()
    assert list(_rows(listing.table.value)) == ["EG-20261201-0000"]
    assert "Fälle 31–31 von 31" in listing.position.value and listing.older.disabled
    listing.search.value = "0030"
    assert list(_rows(listing.table.value)) == ["EG-20261201-0030"] and listing.pager.layout.display == "none"


def test_the_comparison_of_a_case_without_a_plan_says_so_and_leads_back(tmp_path: Path, monkeypatch: object) -> None:
    import workbench.ui.kit.page as page

    store = CaseStore(tmp_path / "cases.sqlite")
    store.save(EG_NO_PLAN, expected_version=None)
    monkeypatch.setattr(page, "default_store", lambda: store)  # type: ignore[attr-defined]
    shown = vergleich_page({"case": EG_NO_PLAN["case_id"]})
    notice = shown.children[-1].value
    assert "hat noch keinen Elterngeld-Plan" in notice and 'href="start.ipynb"' in notice


def test_every_failure_page_has_a_way_back_to_the_start_page() -> None:
    from workbench.ui.kit.page import failure_notice

    notice = failure_notice("test", RuntimeError("kaputt"), "de").value
    assert "Fehler W-" in notice and '<a href="start.ipynb">Zur Startseite mit den gespeicherten Fällen</a>' in notice
