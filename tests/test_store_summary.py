"""Issue 24: the case list's lines carry the topic, whether there is an Elterngeld plan and the wizard's step,
from a column written with each version (both backends), so listing never reads the case data."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from workbench.store import CaseStore

EG_PLAN = {"format": "workbench-case/3", "case_id": "EG-20261201-AAAA",
           "household": {"parents": [{"id": "A", "name": "Eva"}], "children": [{"id": "K1", "birth_date": "2026-06-15"}]},
           "elterngeld_plan": {"child": "K1", "months": {"A": "BBBBBBBBBBBB"}}}
EG_NO_PLAN = {"format": "workbench-case/3", "case_id": "EG-20261201-BBBB",
              "household": {"parents": [{"id": "A", "name": "Mia"}], "children": [{"id": "K1", "birth_date": "2026-06-15"}]}}
PFLEGE = {"format": "workbench-case/1", "case_id": "PF-20261201-CCCC", "household": {"parents": [{"id": "A", "name": "Jana"}],
          "children": []}, "care": {"recipient": {"pflegegrad": 2, "relation": "parent", "at_home": True, "sach_percent": 50},
                                    "carer": {"parent": "A", "employed": True}}}
VORSORGE = {"format": "workbench-case/1", "case_id": "VO-20261201-DDDD", "household": {"parents": [{"id": "A"}], "children": []},
            "vorsorge": {"person": "Gerda"}}


def test_each_line_knows_its_topic_and_plan_without_reading_the_cases(store_location: Path | str,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    store = CaseStore(store_location)
    for case in (EG_PLAN, EG_NO_PLAN, PFLEGE, VORSORGE):
        store.save(case, expected_version=None)

    def no_reading(*_args: Any) -> Any:
        raise AssertionError("the list read a case's data")

    monkeypatch.setattr(store, "_load", no_reading)
    lines = {s.case_id: s for s in store.list()}
    assert {c: (s.topic, s.has_plan, s.family) for c, s in lines.items()} == {
        "EG-20261201-AAAA": ("elterngeld", True, "Eva"), "EG-20261201-BBBB": ("elterngeld", False, "Mia"),
        "PF-20261201-CCCC": ("pflege", False, "Jana"), "VO-20261201-DDDD": ("vorsorge", False, "Gerda")}
    assert store.count() == 4 and store.count("mia") == 1
    assert [s.case_id for s in store.list(limit=2, offset=1)] == ["PF-20261201-CCCC", "EG-20261201-BBBB"]


def test_the_wizards_step_is_noted_without_a_new_version_and_kept_by_the_next_save(store_location: Path | str) -> None:
    store = CaseStore(store_location)
    store.save(EG_NO_PLAN, expected_version=None)
    assert store.last_step(EG_NO_PLAN["case_id"], "ui.eg.title") is None
    store.remember_step(EG_NO_PLAN["case_id"], "ui.eg.title", 3, 4)
    store.remember_step(EG_NO_PLAN["case_id"], "ui.lc.title", 1, 1)
    assert store.open(EG_NO_PLAN["case_id"]).version == 1
    assert store.last_step(EG_NO_PLAN["case_id"], "ui.eg.title") == (3, 4)
    store.save({**EG_NO_PLAN, "notes": "neu"}, expected_version=1)
    assert store.last_step(EG_NO_PLAN["case_id"], "ui.eg.title") == (3, 4)
    assert store.list()[0].steps == {"ui.eg.title": (3, 4), "ui.lc.title": (1, 1)}
    store.remember_step("EG-unknown", "ui.eg.title", 2, 2)  # never saved: nothing to note, no error


def test_a_store_of_schema_2_gets_the_column_and_the_summaries_of_its_cases(tmp_path: Path) -> None:
    store = CaseStore(tmp_path / "cases.sqlite")
    store.save(EG_PLAN, expected_version=None)
    with closing(sqlite3.connect(store.path)) as conn:  # as schema 2 wrote it
        conn.execute("ALTER TABLE versions DROP COLUMN summary")
        conn.execute("UPDATE schema_version SET version = 2")
        conn.commit()
    reopened = CaseStore(store.path)
    line = reopened.list()[0]
    assert (line.topic, line.has_plan) == ("elterngeld", True)
    with closing(sqlite3.connect(store.path)) as conn:
        assert conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] == 4


def test_imported_family_files_and_moves_to_bochum_get_their_topic() -> None:
    """Seen on the start page (session 8): the twins' file (an Elterngeld plan and a Kita part, id FAM-…) was listed
    under "Kita-Platz" and a Neu-in-Bochum case under "Elterngeld", each opening in the wrong wizard."""
    from workbench.store.records import case_topic
    from workbench.ui.kit.case_list import case_link

    family = {**EG_PLAN, "case_id": "FAM-ZWILLINGE", "kita": {"child": "K1", "start": "2027-08-01"}}
    assert case_topic(family) == "elterngeld"
    moved = {"case_id": "FAM-SCHWEDEN", "household": {"parents": [{"id": "A"}]}, "zuzug": {"from_abroad": True}}
    assert case_topic(moved) == "zuzug" and case_topic({"case_id": "ZU-20261201-5E01"}) == "zuzug"
    assert case_link("FAM-SCHWEDEN", "zuzug") == "zuzug.ipynb?case=FAM-SCHWEDEN"
