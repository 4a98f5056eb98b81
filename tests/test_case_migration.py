"""Format ``workbench-case/4``: ``/1`` to ``/3`` files load through ``migrate``, saving writes ``/4``, the store keeps old versions."""

from __future__ import annotations

import copy
import json
import os
import sqlite3
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from tests.shared import SHARED
from workbench.case import FORMAT_V1, FORMAT_V2, FORMAT_V3, FORMAT_V4, dump_case, load_case, migrate
from workbench.errors import CaseError
from workbench.store import CaseStore

EXAMPLES = sorted((SHARED / "examples" / "elterngeld").glob("*.json"))
needs_examples = pytest.mark.skipif(not EXAMPLES, reason="shared examples not found")


def v1_case() -> dict[str, Any]:
    return {"format": FORMAT_V1, "case_id": "alt-1", "household": {
        "municipality": "Bochum", "housing": {"rent_cold": 600, "heating": 90, "living_space_sqm": 70},
        "parents": [{"id": "A", "income_before_birth": {"kind": "employee", "gross_monthly": 2500}}],
        "children": [{"id": "K1", "birth_date": "2026-03-01"}]}}


def test_migrate_turns_format_1_into_4_and_leaves_its_input_alone() -> None:
    old = v1_case()
    before = copy.deepcopy(old)
    new = migrate(old)
    assert old == before
    assert new["format"] == FORMAT_V4 and {k: v for k, v in new.items() if k != "format"} == {
        k: v for k, v in old.items() if k != "format"}


@pytest.mark.parametrize("data", [
    {"format": FORMAT_V4, "case_id": "x"}, {"format": "workbench-case/9"}, {}, {"format": 1}])
def test_migrate_leaves_current_unknown_and_broken_data_unchanged(data: dict[str, Any]) -> None:
    assert migrate(data) == data


def test_a_format_1_file_loads_and_saves_as_format_4(tmp_path: Path) -> None:
    path = tmp_path / "alt.json"
    path.write_text(json.dumps(v1_case()), encoding="utf-8")
    case = load_case(path)
    assert case.format == FORMAT_V4
    assert case.household.housing is not None and case.household.housing.utilities_cold == 0
    assert case.household.housing.mietstufe is None and case.household.benefits is None
    assert dump_case(case)["format"] == FORMAT_V4
    assert load_case(dump_case(case)) == case


def test_the_new_fields_load_and_round_trip() -> None:
    data = migrate(v1_case())
    data["household"]["parents"][0]["current_income"] = {
        "kind": "employee", "gross_monthly": 1505.0, "net_monthly": 1233.0, "hours_per_week": 25,
        "benefits": [{"kind": "elterngeld", "monthly": 300}], "taxable_income_year": 15000}
    data["household"]["children"][0]["situation"] = {"education": "school", "maintenance_monthly": 100}
    data["household"]["housing"].update(utilities_cold=120, mietstufe=3)
    data["household"]["benefits"] = {"wealth": 2000, "receives_buergergeld": False, "year": 2026}
    case = load_case(data)
    income = case.household.parents[0].current_income
    assert income is not None and income.net_monthly == Decimal("1233") and income.benefits[0].kind == "elterngeld"
    assert load_case(dump_case(case)) == case


def test_a_new_field_with_a_wrong_value_is_named_with_its_path() -> None:
    data = migrate(v1_case())
    data["household"]["children"][0]["situation"] = {"education": "gymnasium"}
    data["household"]["housing"]["mietstufe"] = 8
    with pytest.raises(CaseError) as caught:
        load_case(data)
    assert caught.value.messages[0].startswith("household.housing.mietstufe: muss 1 bis 7 sein")
    assert caught.value.messages[1].startswith("household.children[0].situation.education: ungültiger Wert; erlaubt: none, kita")


@needs_examples
def test_every_shared_format_1_example_still_loads() -> None:
    for path in EXAMPLES:
        raw = json.loads(path.read_text(encoding="utf-8"))
        raw = raw.get("case", raw)
        assert raw["format"] == FORMAT_V1, path.name
        assert load_case(raw).format == FORMAT_V4, path.name


def test_the_store_keeps_a_format_1_version_as_it_was_and_opens_it_migrated(tmp_path: Path) -> None:
    store = CaseStore(tmp_path / "cases.sqlite")
    store.save(v1_case(), expected_version=None)
    with sqlite3.connect(tmp_path / "cases.sqlite") as conn:
        stored_text = conn.execute("SELECT data FROM versions WHERE case_id = 'alt-1'").fetchone()[0]
    assert json.loads(stored_text)["format"] == FORMAT_V1  # the old version is not rewritten
    opened = store.open("alt-1")
    assert opened.data == migrate(v1_case()) and load_case(opened.data).format == FORMAT_V4
    assert store.save(opened.data, expected_version=1) == 2
    assert store.open("alt-1", version=2).data["format"] == FORMAT_V4


def test_cases_import_of_a_format_1_file_stores_format_4(tmp_path: Path) -> None:
    path = tmp_path / "alt.json"
    path.write_text(json.dumps(v1_case()), encoding="utf-8")
    env = os.environ | {"WORKBENCH_DATA": str(tmp_path / "data")}
    out = subprocess.run([sys.executable, "-m", "workbench.cli", "cases", "import", str(path)],
                         capture_output=True, text=True, timeout=120, env=env)
    assert out.returncode == 0, out.stderr
    shown = subprocess.run([sys.executable, "-m", "workbench.cli", "cases", "show", "alt-1"],
                           capture_output=True, text=True, timeout=120, env=env)
    assert json.loads(shown.stdout)["data"]["format"] == FORMAT_V4


def test_the_example_in_docs_case_format_md_loads_and_round_trips() -> None:
    import re

    doc = Path(__file__).resolve().parents[1] / "docs" / "case-format.md"
    example = re.findall(r"```json\n(.*?)```", doc.read_text(encoding="utf-8"), re.S)[0]
    case = load_case(example)
    assert case.format == FORMAT_V4 and case.household.children[1].situation is not None
    assert load_case(dump_case(case)) == case


def test_a_format_3_file_becomes_format_4_with_nothing_else_changed() -> None:
    old = migrate(v1_case()) | {"format": FORMAT_V3}
    before = copy.deepcopy(old)
    new = migrate(old)
    assert old == before and new["format"] == FORMAT_V4
    assert {k: v for k, v in new.items() if k != "format"} == {k: v for k, v in old.items() if k != "format"}
    assert load_case(old).antragsmappe is None


def test_a_count_in_a_format_3_file_is_still_refused_after_the_migration() -> None:
    old = migrate(v1_case()) | {"format": FORMAT_V3}
    old["household"]["children"][0]["count"] = 2
    with pytest.raises(CaseError) as caught:
        load_case(old)
    assert caught.value.messages[0].startswith("household.children[0].count: seit workbench-case/3")


def test_the_store_opens_a_format_3_version_as_format_4(tmp_path: Path) -> None:
    store = CaseStore(tmp_path / "cases.sqlite")
    store.save(migrate(v1_case()) | {"format": FORMAT_V3}, expected_version=None)
    with sqlite3.connect(tmp_path / "cases.sqlite") as conn:
        stored_text = conn.execute("SELECT data FROM versions WHERE case_id = 'alt-1'").fetchone()[0]
    assert json.loads(stored_text)["format"] == FORMAT_V3
    assert store.open("alt-1").data["format"] == FORMAT_V4
