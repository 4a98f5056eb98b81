"""Lesen schreibt nie: opening a case on any page, switching the language and showing it leave the store
as it was; only an advisor's change saves (issue 25, docs/store.md and docs/ui.md).

Every page of notebooks/ is opened as Voila opens it, by the notebook's own function with the query
string ``case=<id>``, on a real case store in the test's data folder. The autosave runs at once
(no pause), so any change a page reported while filling its fields would be written before the
assertion. The store's rows are compared whole: versions (number, time, who, complete/draft),
conflict copies and cases. Then one real change must write exactly one version.

Before the fix, the Leistungscheck, Mutterschutz, Elternzeit, Kita and Elterngeld pages each wrote a
new version on opening (the observers fired while the fields were filled from the case); a case
without a Kita section became a draft on the Kita page, so ``export`` returned the older version.
"""

from __future__ import annotations

import importlib
import json
import sqlite3
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import ipywidgets as w
import nbformat
import pytest
from nbclient import NotebookClient

from workbench.store import CaseStore
from workbench.ui.kit.saving import AUTOSAVE_DELAY_S, Debouncer

ROOT = Path(__file__).resolve().parents[1]
LENA_TOM = ROOT / "tests" / "cases" / "vergleich" / "familie-lena-tom.json"  # Elterngeld with a plan
AYLIN = ROOT / "tests" / "cases" / "lebenslagen" / "aylin-jonas.json"  # Mutterschutz and Elternzeit
PAAR = ROOT / "docs" / "examples" / "leistungscheck-paar.json"
KITA = {"format": "workbench-case/2", "case_id": "KI-20261207-LESE", "language": "de",
        "household": {"parents": [{"id": "A", "name": "Mara"}], "children": [{"id": "K1", "birth_date": "2025-03-14"}]},
        "kita": {"child": "K1", "start": "2026-08-01", "household_income_y": 52000}}
PFLEGE = {"format": "workbench-case/2", "case_id": "PF-20261207-LESE", "language": "de",
          "household": {"parents": [{"id": "A", "name": "Aylin"}]},
          "care": {"recipient": {"name": "Gül", "pflegegrad": 3, "sach_percent": 40},
                   "carer": {"parent": "A", "employer_employees": 120, "hours_per_week": 39, "hours_during": 20,
                             "net_monthly": 2400, "net_monthly_during": 1500}}}
VORSORGE = {"format": "workbench-case/2", "case_id": "VO-20261207-LESE", "language": "de",
            "household": {"parents": [{"id": "A"}]},
            "vorsorge": {"person": "Helga", "agents": 2, "certification": True}}

# page (notebooks/<page>.ipynb) → the function its cell calls, and the case it opens
PAGES: dict[str, tuple[str, str, str]] = {
    "start": ("workbench.ui.pages.start", "", "VGL-2026-LT"),
    "elterngeld": ("workbench.ui.pages.elterngeld.wizard", "show_elterngeld_wizard", "VGL-2026-LT"),
    "vergleich": ("workbench.ui.pages.vergleich.show", "show_vergleich", "VGL-2026-LT"),
    "leistungscheck": ("workbench.ui.pages.leistungscheck", "show_leistungscheck_wizard", "LC-BEISPIEL-2"),
    "mutterschutz": ("workbench.ui.pages.lebenslagen", "show_mutterschutz_wizard", "LL-beispiel-aylin"),
    "elternzeit": ("workbench.ui.pages.lebenslagen", "show_elternzeit_wizard", "LL-beispiel-aylin"),
    "kita": ("workbench.ui.pages.kita", "show_kita_wizard", "KI-20261207-LESE"),
    "pflege": ("workbench.ui.pages.pflege", "show_pflege_wizard", "PF-20261207-LESE"),
    "vorsorge": ("workbench.ui.pages.vorsorge", "show_vorsorge_wizard", "VO-20261207-LESE"),
    "formulare": ("workbench.ui.pages.formulare", "show_forms_wizard", "VGL-2026-LT"),
    "antragsmappe": ("workbench.ui.pages.antragsmappe.show", "show_antragsmappe", "VGL-2026-LT"),
}


def test_every_notebook_is_covered() -> None:
    assert {p.stem for p in (ROOT / "notebooks").glob("*.ipynb")} == set(PAGES)


def fill_store() -> CaseStore:
    """The office's store (``$WORKBENCH_DATA``, a temporary folder) with one case per page."""
    store = CaseStore()
    for source in (LENA_TOM, AYLIN, PAAR):
        store.import_json(json.loads(source.read_text(encoding="utf-8")))
    for data in (KITA, PFLEGE, VORSORGE):
        store.import_json(data)
    return store


def state(store: CaseStore) -> dict[str, list[tuple[Any, ...]]]:
    """Every row that says what was written and when: versions, conflict copies, cases."""
    with sqlite3.connect(store.path) as conn:
        return {
            "versions": conn.execute("SELECT case_id, version, saved_at, saved_by, complete, data FROM versions "
                                     "ORDER BY case_id, version").fetchall(),
            "conflicts": conn.execute("SELECT * FROM conflicts ORDER BY conflict_id").fetchall(),
            "cases": conn.execute("SELECT * FROM cases ORDER BY case_id").fetchall(),
        }


def versions(store: CaseStore, case_id: str) -> list[tuple[int, bool]]:
    return [(s.version, s.complete) for s in reversed(store.history(case_id))]


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Any]]:
    """The pages' objects as their notebooks make them; the autosave without its pause."""
    from workbench.ui.pages.antragsmappe import AntragsmappePage
    from workbench.ui.pages.formulare import FormsWizard
    from workbench.ui.pages.start import StartPage
    from workbench.ui.pages.vergleich.page import VergleichPage
    from workbench.ui.kit.wizard import Wizard

    made: list[Any] = []
    for cls in (Wizard, VergleichPage, FormsWizard, StartPage, AntragsmappePage):
        original = cls.__init__

        def record(self: Any, *args: Any, __original: Callable[..., None] = original, **kwargs: Any) -> None:
            __original(self, *args, **kwargs)
            made.append(self)

        monkeypatch.setattr(cls, "__init__", record)
    monkeypatch.setattr("workbench.ui.kit.wizard.Debouncer", lambda action, delay=0.0: Debouncer(action, 0))
    for module in {m for m, _, _ in PAGES.values()} | {"workbench.ui.kit.page"}:  # kit.page shows the wizards' pages
        if hasattr(importlib.import_module(module), "display"):
            monkeypatch.setattr(f"{module}.display", lambda widget: None)
    yield made


def open_page(page: str, query: str, monkeypatch: pytest.MonkeyPatch, made: list[Any]) -> Any:
    """Run what ``notebooks/<page>.ipynb`` runs for ``?<query>``; the page's object."""
    module, function, _ = PAGES[page]
    monkeypatch.setenv("QUERY_STRING", query)
    if page == "start":
        from workbench.ui.pages.start import StartPage

        StartPage().show()
    else:
        getattr(importlib.import_module(module), function)()
    assert made, f"{page}: nothing was built"
    return made[-1]


def real_change(page: str, shown: Any, made: list[Any]) -> None:
    """One change an advisor makes on the page: a name edited (autosave), an own plan saved, a value for a form."""
    if page == "vergleich":
        shown.open_planner(shown.choices[0])
        shown.planner.cycle("B", 9)
        shown.plan_name.value = "Tom ab Monat 9"
        shown._save_own()
    elif page == "formulare":
        shown.form_choice.value = "kg1"
        birth_place = next(i for i in shown.inputs if i.item.path == "household.parents[0].personal.birth_place")
        birth_place.input.value = "Bochum"
        shown.save_missing()
    elif page == "antragsmappe":
        panel = next(p for p in shown.panels if p.ticks)
        panel.ticks[0][1].value = True  # a document ticked
    else:
        wizard = made[-1]  # after the switch: the page in the other language, where it rebuilds
        field = next(f for f in wizard.step.fields().values() if isinstance(f.input, w.Text) and f.input.value)
        field.input.value = field.input.value + " B."


@pytest.mark.parametrize("page", sorted(PAGES))
def test_the_notebook_run_for_a_case_writes_nothing(page: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The notebook itself in a kernel, as Voila runs it for ``?case=``, and the kernel kept alive past the autosave pause."""
    store = fill_store()
    before = state(store)
    monkeypatch.setenv("QUERY_STRING", f"case={PAGES[page][2]}")  # the kernel reads it outside Voila
    notebook = nbformat.read(ROOT / "notebooks" / f"{page}.ipynb", as_version=4)
    notebook.cells.append(nbformat.v4.new_code_cell(f"import time; time.sleep({AUTOSAVE_DELAY_S + 0.5})"))
    NotebookClient(notebook, timeout=120, kernel_name="python3",
                   resources={"metadata": {"path": str(ROOT / "notebooks")}}).execute()
    assert not [o for c in notebook.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    shown = json.dumps([o for c in notebook.cells for o in c.get("outputs", [])])
    assert "application/vnd.jupyter.widget-view+json" in shown  # the page was built
    assert state(store) == before, f"{page}.ipynb wrote to the store"


@pytest.mark.parametrize("page", sorted(PAGES))
def test_opening_a_case_and_switching_the_language_write_nothing_one_change_writes_one_version(
        page: str, monkeypatch: pytest.MonkeyPatch, opened: list[Any]) -> None:
    store = fill_store()
    case_id = PAGES[page][2]
    three_years_ago = (datetime.now(UTC) - timedelta(days=3 * 365)).isoformat(timespec="microseconds")
    with sqlite3.connect(store.path) as conn:  # the case was last saved long ago: purge is due
        conn.execute("UPDATE versions SET saved_at = ? WHERE case_id = ?", (three_years_ago, case_id))
    before = state(store)

    shown = open_page(page, f"case={case_id}", monkeypatch, opened)
    if page != "formulare":  # every other page has the Deutsch/English switch
        for language in ("en", "de", "en"):
            opened[-1].header.toggle.value = language  # the Elterngeld page is rebuilt: its newest wizard

    assert state(store) == before, f"{page}: reading wrote to the store"
    assert case_id in [c for c, _ in store.purge(timedelta(days=365), dry_run=True)]  # its clock was not reset

    if page == "start":
        return  # the start page only lists; nothing on it changes a case
    history = versions(store, case_id)
    real_change(page, shown, opened)
    after = versions(store, case_id)
    assert after[:-1] == history and len(after) == len(history) + 1, f"{page}: {history} → {after}"
    assert store.open(case_id).data["language"] == ("de" if page == "formulare" else "en")  # taken along


@pytest.mark.parametrize("page", ["elterngeld", "leistungscheck", "mutterschutz", "elternzeit", "kita", "pflege",
                                  "vorsorge"])
def test_weiter_through_every_step_without_a_change_writes_nothing(
        page: str, monkeypatch: pytest.MonkeyPatch, opened: list[Any]) -> None:
    """A colleague who clicks through to the result only looks: no version, so the other tab's next save is no conflict."""
    store = fill_store()
    case_id = PAGES[page][2]
    before = state(store)
    wizard = open_page(page, f"case={case_id}", monkeypatch, opened)
    while wizard.index < len(wizard.steps) - 1:
        index = wizard.index
        wizard._on_next()
        assert wizard.index == index + 1, f"{page}: step {index + 1} refused the stored case"
    assert state(store) == before


def test_a_view_in_another_tab_leaves_the_advisors_next_weiter_without_conflict(
        monkeypatch: pytest.MonkeyPatch, opened: list[Any]) -> None:
    store = fill_store()
    advisor = open_page("leistungscheck", "case=LC-BEISPIEL-2", monkeypatch, opened)
    open_page("leistungscheck", "case=LC-BEISPIEL-2", monkeypatch, opened)  # the colleague only looks
    advisor.step.married.input.value = not advisor.step.married.input.value
    advisor._on_next()
    assert advisor.index == 1 and not advisor.saver.refused and advisor.conflict.layout.display == "none"
    assert [v for v, _ in versions(store, "LC-BEISPIEL-2")] == [1, 2]


@pytest.mark.parametrize("case_id", ["KI-20261207-LESE", "VGL-2026-LT"])
def test_export_returns_the_latest_version_after_the_kita_page_was_viewed(
        case_id: str, monkeypatch: pytest.MonkeyPatch, opened: list[Any]) -> None:
    """Also a case without a Kita section (the Elterngeld case): the page's defaults never make it a draft."""
    store = fill_store()
    latest = store.open(case_id)
    open_page("kita", f"case={case_id}", monkeypatch, opened).header.toggle.value = "en"
    assert store.open(case_id).version == latest.version and store.open(case_id).complete
    assert store.export_json(case_id) == latest.data


def test_a_new_case_page_writes_nothing_until_something_is_entered(
        monkeypatch: pytest.MonkeyPatch, opened: list[Any]) -> None:
    store = CaseStore()
    for page in ("elterngeld", "leistungscheck", "mutterschutz", "elternzeit", "kita", "pflege", "vorsorge"):
        wizard = open_page(page, "", monkeypatch, opened)
        wizard.header.toggle.value = "en"
    assert store.list() == []
    vorsorge = opened[-1]
    vorsorge.step.fields()["vorsorge.person"].input.value = "Helga"  # its first entry makes the case
    assert [(s.case_id, s.version) for s in store.list()] == [(vorsorge.case_id, 1)]
    assert store.open(vorsorge.case_id).data["language"] == "en"


def test_neu_laden_after_a_conflict_writes_nothing_more(monkeypatch: pytest.MonkeyPatch, opened: list[Any]) -> None:
    store = fill_store()
    first = open_page("kita", "case=KI-20261207-LESE", monkeypatch, opened)
    second = open_page("kita", "case=KI-20261207-LESE", monkeypatch, opened)
    second.step.fields()["household.parents[0].name"].input.value = "Mara K."  # version 2
    first.step.fields()["household.parents[0].name"].input.value = "Mara L."  # refused: a conflict copy
    assert first.saver.refused and len(store.conflict_copies("KI-20261207-LESE")) == 1
    before = state(store)
    first._on_reload()
    assert first.step.fields()["household.parents[0].name"].input.value == "Mara K."
    assert state(store) == before and not first.saver.refused


def test_a_change_is_what_the_case_model_reads_not_how_it_is_written() -> None:
    from decimal import Decimal

    from workbench.ui.kit.saving import content

    stored = json.loads(json.dumps(KITA))
    typed = {**stored, "language": "en", "kita": {**stored["kita"], "household_income_y": Decimal("52000.00"),
                                                  "hours": 35}}  # the model's default, written out
    assert content(typed) == content(stored)
    assert content({**typed, "kita": {**typed["kita"], "hours": 45}}) != content(stored)
    draft = {"case_id": "KI-ENTWURF", "kita": {"hours": 35}}  # no valid case: compared as entered
    assert content(draft) != content({**draft, "kita": {}}) and content({**draft, "language": "en"}) == content(draft)
