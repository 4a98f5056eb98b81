"""Names with umlauts, quotes, very long text and HTML/script fragments pass safely through the widgets, the
handout PDF and the store: shown as typed, never interpreted as markup."""

from __future__ import annotations

import io
import json
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import ipywidgets as w
import pytest
from pypdf import PdfReader

from tests.shared import SHARED
from workbench.case import load_case, migrate
from workbench.report import handout_pdf
from workbench.store import CaseStore
from workbench.store.records import family_names

CASE: dict[str, Any] = json.loads((SHARED / "examples" / "elterngeld" / "ex-money-021.json").read_text())["case"]
LONG = ("Anna-Lena Maximiliane " * 14)[:300].strip()
NAMES = [
    ("<script>alert(1)</script>", '"; DROP TABLE versions; --'),
    ("Ölçü Şükrü-Ğüzel", "O'Brien \"Bobby\" Müller-Lüdenscheidt"),
    (LONG, "<img src=x onerror=alert(1)>"),
]


def named(first: str, second: str) -> dict[str, Any]:
    case = json.loads(json.dumps(CASE))
    case["household"]["parents"][0]["name"] = first
    case["household"]["parents"][1]["name"] = second
    return case


def _html_values(widget: w.Widget) -> list[str]:
    found = [widget.value] if isinstance(widget, (w.HTML, w.HTMLMath)) else []
    for child in getattr(widget, "children", ()):
        found += _html_values(child)
    return found


def _descriptions_with_html(widget: w.Widget) -> list[str]:
    found = []
    if getattr(widget, "description_allow_html", False) and "<" in str(getattr(widget, "description", "")):
        found.append(widget.description)
    for child in getattr(widget, "children", ()):
        found += _descriptions_with_html(child)
    return found


MARKUP = re.compile(r"<(script|img)\b", re.IGNORECASE)


@pytest.mark.parametrize("names", NAMES, ids=["script-sql", "umlauts-quotes", "long-img"])
def test_every_step_of_the_wizard_shows_the_names_escaped_and_keeps_them_as_typed(names: tuple[str, str],
                                                                                  tmp_path: Path) -> None:
    from workbench.ui.elterngeld_wizard import ElterngeldWizard

    store = CaseStore(tmp_path / "cases.sqlite")
    data = named(*names)
    version = store.save(data, expected_version=None)
    # a real delay: with 0 the autosave of the rows being added while the case loads would store empty rows
    wizard = ElterngeldWizard(store.open(data["case_id"]).data, store, version, autosave_delay=600)
    shown: list[str] = []
    for index in range(len(wizard.steps)):
        assert wizard.index == index, (index, _html_values(wizard.widget))
        html_texts = _html_values(wizard.widget)
        shown += html_texts
        assert not [h for h in html_texts if MARKUP.search(h)], index
        assert _descriptions_with_html(wizard.widget) == []
        wizard._on_next()  # "Weiter": checks the step, saves, shows the next
    rows = wizard.steps[0].parents.rows  # type: ignore[attr-defined]
    assert [r.fields["name"].input.value for r in rows] == list(names)  # the input keeps them exactly
    everything = "\n".join(shown)
    for name in names:
        if "<" in name or '"' in name or "'" in name:
            import html

            assert html.escape(name) in everything or html.escape(name, quote=False) in everything, name
        else:
            assert name in everything, name
    wizard.autosave.cancel()
    assert [p["name"] for p in store.open(data["case_id"]).data["household"]["parents"]] == list(names)


def test_the_start_pages_case_list_escapes_names_and_case_ids() -> None:
    from workbench.store import CaseSummary
    from workbench.ui.case_list import cases_table

    rows = [CaseSummary('<script>x</script>"', "<script>alert(1)</script> & Ölçü", 1, datetime.now(UTC), True)]
    table = cases_table(rows, "de")
    assert not MARKUP.search(table)
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Ölçü" in table
    assert "%3Cscript%3Ex%3C%2Fscript%3E%22" in table  # the link's case id is URL-encoded


def _pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.mark.parametrize("names", NAMES, ids=["script-sql", "umlauts-quotes", "long-img"])
def test_the_handout_prints_the_names_intact(names: tuple[str, str]) -> None:
    printed = _pdf_text(handout_pdf(load_case(named(*names)), "de"))
    squeezed = re.sub(r"\s+", "", printed)
    for name in names:
        assert re.sub(r"\s+", "", name) in squeezed, name


def test_characters_the_font_cannot_draw_print_as_question_marks_and_are_not_logged(
        caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level("DEBUG")
    case = named("李小龍\u0007", "Zoë\u202e")
    printed = _pdf_text(handout_pdf(load_case(case), "de"))
    assert "Familie ??? und Zoë ·" in printed  # CJK is not in DejaVu Sans; control characters are dropped
    assert not any("李" in r.getMessage() or "missing" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize("names", NAMES, ids=["script-sql", "umlauts-quotes", "long-img"])
def test_the_store_keeps_the_names_exactly_and_finds_them(names: tuple[str, str], tmp_path: Path) -> None:
    store = CaseStore(tmp_path / "cases.sqlite")
    data = named(*names)
    store.save(data, expected_version=None)
    assert store.open(data["case_id"]).data == migrate(data)  # a /1 file is read as /2
    assert [s.family for s in store.list(search=names[0][:20])] == [family_names(data)]
    assert store.list(search='"; DROP') == ([] if names != NAMES[0] else store.list())
    assert [s.case_id for s in store.list()] == [data["case_id"]]  # the table is still there
