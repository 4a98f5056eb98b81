"""The start page's case list and the wizard's page entry, without a browser."""

from __future__ import annotations

from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any

import pytest
from ipywidgets import HTML

from tests.memory_store import MemoryStore
from workbench.errors import CaseNotFound
from workbench.ui.kit.case_list import cases_table
from workbench.ui.pages.elterngeld.wizard import open_elterngeld_wizard
from workbench.ui.kit.page import not_found_notice


def _summary(saved_at: datetime) -> SimpleNamespace:
    return SimpleNamespace(case_id="EG-1", family="Eva & Jonas", complete=False, version=3, saved_at=saved_at)


@pytest.mark.parametrize(("utc", "shown"), [
    (datetime(2026, 1, 15, 23, 30, tzinfo=UTC), "16.01.2026 00:30"),  # winter: UTC+1, the next day
    (datetime(2026, 7, 1, 10, 5, tzinfo=UTC), "01.07.2026 12:05"),  # summer: UTC+2
])
def test_saved_times_are_shown_on_the_office_clock_not_in_utc(utc: datetime, shown: str) -> None:
    assert f"<td>{shown}</td>" in cases_table([_summary(utc)], "de")


class EmptyStore(MemoryStore):
    def open(self, case_id: str, version: int | None = None) -> Any:
        raise CaseNotFound(f"Fall {case_id} nicht gefunden")


CASE = {"format": "workbench-case/1", "case_id": "EG-T-1", "language": "en",
        "household": {"parents": [{"id": "A", "name": "Emma", "income_before_birth": {"kind": "employee",
                                                                                     "gross_monthly": 3000}}],
                      "children": [{"id": "K1", "birth_date": "2026-06-15"}]},
        "elterngeld_plan": {"child": "K1", "months": {"A": "BBBBBBBBBBBB"}}}


def test_an_unknown_case_id_starts_a_new_case_under_a_notice_that_links_to_the_start_page() -> None:
    wizard = open_elterngeld_wizard({"case": "EG-NOPE", "lang": "en"}, EmptyStore())
    assert wizard.language == "en" and wizard.data["case_id"].startswith("EG-") and wizard.data["case_id"] != "EG-NOPE"
    assert wizard.saver.version is None
    shown = wizard.widget.children[1]
    assert isinstance(shown, HTML) and "Case EG-NOPE was not found." in shown.value
    notice = not_found_notice("EG-<NOPE>", "en").value
    assert 'role="alert"' in notice and 'href="start.ipynb"' in notice
    assert "Case EG-&lt;NOPE&gt; was not found." in notice


def test_the_wizard_builds_only_the_first_step_until_the_next_is_shown() -> None:
    store = MemoryStore()
    store.save(CASE, expected_version=None)
    wizard = open_elterngeld_wizard({"case": "EG-T-1"}, store)
    assert wizard.language == "en"
    assert [s.built for s in wizard.steps] == [True] + [False] * 5
    assert wizard.back.layout.display == "none" and wizard.next.layout.display is None
    wizard.go(5)
    assert wizard.steps[5].built and not wizard.steps[4].built
    assert wizard.next.layout.display == "none" and wizard.back.layout.display is None
    assert "Result" in wizard.heading.value
