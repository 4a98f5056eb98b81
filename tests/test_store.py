"""The case store: versions, search, conflicts between tabs, drafts, export/import, deletion (docs/store.md)."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.shared import SHARED
from workbench.case import load_case, migrate
from workbench.errors import CaseError, CaseNotFound, StoreConflict, StoreError, WorkbenchError
from workbench.store import CaseStore

EXAMPLES = SHARED / "examples" / "elterngeld"


def example(name: str) -> dict[str, Any]:
    case: dict[str, Any] = json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))["case"]
    return case


@pytest.fixture
def store(store_location: Path | str) -> CaseStore:
    """A new store, once on SQLite and once on PostgreSQL (tests/conftest.py)."""
    return CaseStore(store_location)


def rows_of(store: CaseStore, case_id: str) -> int:
    """Rows of the case left in any table, read past the store's API (SQLite file or PostgreSQL)."""
    sql = "SELECT (SELECT count(*) FROM versions WHERE case_id = {p}) + (SELECT count(*) FROM conflicts " \
          "WHERE case_id = {p}) + (SELECT count(*) FROM cases WHERE case_id = {p})"
    if store.path is None:
        import psycopg

        with psycopg.connect(store.url) as conn:  # type: ignore[attr-defined]
            return int(conn.execute(sql.format(p="%(id)s"), {"id": case_id}).fetchone()[0])
    with closing(sqlite3.connect(store.path)) as conn:
        return int(conn.execute(sql.format(p=":id"), {"id": case_id}).fetchone()[0])


def test_a_saved_example_case_opens_again_exactly_as_version_1(store: CaseStore) -> None:
    case = example("ex-money-002")
    assert store.save(case, expected_version=None) == 1
    stored = store.open("ex-money-002")
    # the shared example is workbench-case/1: it is stored as it was and read through the migration
    assert (stored.case_id, stored.version, stored.complete, stored.data) == ("ex-money-002", 1, True, migrate(case))
    assert stored.saved_at.utcoffset() is not None and stored.saved_at.utcoffset().total_seconds() == 0


def test_every_save_appends_a_version_and_old_versions_stay_readable(store: CaseStore) -> None:
    case = example("ex-money-002")
    store.save(case, expected_version=None)
    changed = case | {"notes": "Termin am Dienstag"}
    assert store.save(changed, expected_version=1) == 2
    assert store.open("ex-money-002").data["notes"] == "Termin am Dienstag"
    assert store.open("ex-money-002", version=1).data == migrate(case)
    assert [s.version for s in store.history("ex-money-002")] == [2, 1]


def test_a_case_object_is_stored_as_case_format_json(store: CaseStore) -> None:
    case = load_case(example("ex-money-001"))
    store.save(case, expected_version=None)
    stored = store.open(case.case_id)
    assert stored.complete and load_case(stored.data) == case


def test_all_examples_round_trip_and_the_list_is_newest_first(store: CaseStore) -> None:
    names = sorted(p.stem for p in EXAMPLES.glob("*.json"))
    for name in names:
        store.save(example(name), expected_version=None)
    listed = store.list(limit=1000)
    assert [s.case_id for s in listed] == [example(n)["case_id"] for n in reversed(names)]
    assert len(store.list(limit=5)) == 5 and len(store.list()) == len(names) == 40
    for name in names:
        assert store.open(example(name)["case_id"]).data == migrate(example(name))


def test_the_list_shows_the_latest_version_and_a_case_saved_again_moves_to_the_top(store: CaseStore) -> None:
    store.save(example("ex-money-001"), expected_version=None)
    store.save(example("ex-money-002"), expected_version=None)
    store.save(example("ex-money-001") | {"notes": "neu"}, expected_version=1)
    listed = store.list()
    assert [(s.case_id, s.version) for s in listed] == [("ex-money-001", 2), ("ex-money-002", 1)]


def test_search_finds_parents_names_and_case_ids_case_insensitively(store: CaseStore) -> None:
    names = sorted(p.stem for p in EXAMPLES.glob("*.json"))
    for name in names:
        store.save(example(name), expected_version=None)
    assert [s.case_id for s in store.list("ex-money-02")] == [f"ex-money-02{i}" for i in (5, 4, 3, 2, 1, 0)]
    assert [s.case_id for s in store.list("EX-MONEY-002")] == ["ex-money-002"]
    eva = store.list("eva", limit=100)
    with_eva = [example(n)["case_id"] for n in reversed(names)
                if any(p.get("name") == "Eva" for p in example(n)["household"]["parents"])]
    assert [s.case_id for s in eva] == with_eva and "ex-money-002" in with_eva
    assert all("Eva" in s.family for s in eva)
    assert store.list("niemand-heißt-so") == []


def test_search_works_with_umlauts_written_or_spelled_out(store: CaseStore) -> None:
    draft = {"case_id": "beratung-7", "household": {"parents": [{"id": "A", "name": "Jörg Müßig"}]}}
    store.save(draft, expected_version=None)
    for query in ("jörg", "JÖRG", "Joerg", "müßig", "MÜSSIG", "muessig", "beratung-7 jörg"):
        assert [s.case_id for s in store.list(query)] == ["beratung-7"], query
    assert store.list("jorg müller") == []
    assert store.list("Jörg")[0].family == "Jörg Müßig"


def test_an_unknown_case_is_a_german_key_error(store: CaseStore) -> None:
    with pytest.raises(CaseNotFound) as caught:
        store.open("gibt-es-nicht")
    assert isinstance(caught.value, KeyError) and isinstance(caught.value, WorkbenchError)
    assert str(caught.value).startswith("Fall gibt-es-nicht nicht gefunden")
    store.save(example("ex-money-002"), expected_version=None)
    with pytest.raises(CaseNotFound, match="keine Version 7"):
        store.open("ex-money-002", version=7)
    with pytest.raises(CaseNotFound):
        store.history("gibt-es-nicht")


def test_export_gives_the_latest_complete_version_and_import_reads_it_back(store: CaseStore, tmp_path: Path) -> None:
    case = example("ex-plan-003")
    store.save(case, expected_version=None)
    store.save({"case_id": case["case_id"], "notes": "halb getippt"}, expected_version=1)
    exported = store.export_json(case["case_id"])
    assert exported == case and load_case(exported).case_id == case["case_id"]
    path = tmp_path / "export.json"
    path.write_text(json.dumps(exported), encoding="utf-8")
    other = CaseStore(tmp_path / "other" / "cases.sqlite")
    assert other.import_json(path) == 1
    assert other.import_json(str(path)) == 2  # a known case gets a new version
    assert other.import_json(exported) == 3
    assert load_case(other.open(case["case_id"]).data) == load_case(case)


def test_import_validates_and_keeps_the_store_unchanged_on_bad_input(store: CaseStore, tmp_path: Path) -> None:
    bad = example("ex-money-002")
    bad["household"]["parents"][0]["income_before_birth"]["tax_class"] = 9
    with pytest.raises(CaseError, match="tax_class: muss 1 bis 6 sein"):
        store.import_json(bad)
    with pytest.raises(CaseError):
        store.import_json(tmp_path / "fehlt.json")
    assert store.list() == []


def test_export_of_a_case_with_only_drafts_says_so(store: CaseStore) -> None:
    store.save({"case_id": "entwurf-1"}, expected_version=None)
    with pytest.raises(StoreError, match="keine vollständige Version"):
        store.export_json("entwurf-1")
    with pytest.raises(CaseNotFound):
        store.export_json("gibt-es-nicht")


def test_delete_removes_every_version_and_conflict_copy(store: CaseStore) -> None:
    case = example("ex-money-002")
    store.save(case, expected_version=None)
    store.save(case, expected_version=1)
    with pytest.raises(StoreConflict):
        store.save(case, expected_version=1)
    store.save(example("ex-money-001"), expected_version=None)
    assert store.delete("ex-money-002") == 3
    assert [s.case_id for s in store.list()] == ["ex-money-001"]
    with pytest.raises(CaseNotFound):
        store.open("ex-money-002")
    assert store.conflict_copies("ex-money-002") == []
    assert store.delete("ex-money-002") == 0
    assert rows_of(store, "ex-money-002") == 0 and rows_of(store, "ex-money-001") == 2
    if store.path is not None:  # SQLite: nothing of the family is left in the file (secure_delete)
        assert b"ex-money-002" not in store.path.read_bytes()


def test_two_tabs_the_later_save_is_refused_in_german_and_nothing_of_either_is_lost(store: CaseStore) -> None:
    case = example("ex-money-002")
    store.save(case, expected_version=None)
    first = store.open("ex-money-002").data | {"notes": "Tab 1: Mutterschutz klären"}
    second = store.open("ex-money-002").data | {"notes": "Tab 2: Elternzeit beantragen"}
    assert store.save(first, expected_version=1) == 2
    with pytest.raises(StoreConflict) as caught:
        store.save(second, expected_version=1)
    message = str(caught.value)
    assert message.startswith("Der Fall ex-money-002 wurde inzwischen von einem anderen Fenster gespeichert (Version 2, ")
    assert "Uhr). Bitte neu laden" in message and "Konfliktkopie" in message
    assert caught.value.latest_version == 2 and caught.value.refused == second
    assert store.open("ex-money-002").data == first  # the first tab's save stands
    assert [s.version for s in store.history("ex-money-002")] == [2, 1]  # no silent new version
    [copy] = store.conflict_copies("ex-money-002")
    assert (copy.conflict_id, copy.based_on, copy.data) == (caught.value.conflict_id, 1, second)
    assert store.save(second, expected_version=2) == 3  # after reloading, the second tab saves


def test_the_conflict_message_is_english_for_english_cases(store: CaseStore) -> None:
    store.save(example("ex-money-002"), expected_version=None)
    store.save(example("ex-money-002"), expected_version=1)
    with pytest.raises(StoreConflict, match=r"^Case ex-money-002 was saved meanwhile from another window \(version 2, \d\d:\d\d\)\. Please reload"):
        store.save(example("ex-money-002"), expected_version=1, language="en")


def test_a_new_case_with_an_existing_id_is_refused_and_kept(store: CaseStore) -> None:
    store.save(example("ex-money-002"), expected_version=None)
    other = example("ex-money-001") | {"case_id": "ex-money-002"}
    with pytest.raises(StoreConflict, match="Einen Fall ex-money-002 gibt es schon") as caught:
        store.save(other, expected_version=None)
    assert store.open("ex-money-002").data == migrate(example("ex-money-002"))
    assert store.conflict_copies("ex-money-002")[0].data == other == caught.value.refused


def test_a_save_to_a_case_deleted_meanwhile_is_refused_without_recreating_it(store: CaseStore) -> None:
    store.save(example("ex-money-002"), expected_version=None)
    store.delete("ex-money-002")
    with pytest.raises(StoreConflict, match="inzwischen gelöscht") as caught:
        store.save(example("ex-money-002"), expected_version=1)
    assert caught.value.refused == example("ex-money-002") and caught.value.conflict_id is None
    assert store.list() == []


def test_a_draft_is_stored_and_reopened_exactly_and_a_complete_save_after_it_validates(store: CaseStore) -> None:
    draft: dict[str, Any] = {"format": "workbench-case/1", "case_id": "beratung-12", "language": "de",
                             "household": {"married": True, "parents": [{"id": "A", "name": "Eva",
                                                                         "income_before_birth": {"kind": "employee",
                                                                                                 "gross_monthly": "3.00"}}]}}
    assert store.save(draft, expected_version=None) == 1
    reopened = store.open("beratung-12")
    assert reopened.data == migrate(draft) and reopened.complete is False
    assert store.list("eva")[0].complete is False
    complete = example("ex-money-002") | {"case_id": "beratung-12"}
    assert store.save(complete, expected_version=1) == 2
    assert store.open("beratung-12").complete is True
    assert store.export_json("beratung-12") == complete
    assert [s.complete for s in store.history("beratung-12")] == [True, False]


def test_a_draft_may_hold_widget_values_and_must_name_its_case(store: CaseStore) -> None:
    from datetime import date
    from decimal import Decimal

    store.save({"case_id": "w-1", "household": {"children": [{"birth_date": date(2026, 6, 15)}]},
                "gross": Decimal("3000.50"), "count": Decimal("2")}, expected_version=None)
    assert store.open("w-1").data == {"case_id": "w-1", "household": {"children": [{"birth_date": "2026-06-15"}]},
                                      "gross": 3000.5, "count": 2}
    with pytest.raises(CaseError, match="case_id: Pflichtfeld fehlt"):
        store.save({"household": {}}, expected_version=None)
    with pytest.raises(CaseError, match="nicht als JSON gespeichert"):
        store.save({"case_id": "w-2", "x": object()}, expected_version=None)


def test_complete_true_insists_on_a_valid_case_and_false_keeps_a_valid_one_as_draft(store: CaseStore) -> None:
    with pytest.raises(CaseError):
        store.save({"case_id": "x-1"}, expected_version=None, complete=True)
    assert store.list() == []
    store.save(example("ex-money-002"), expected_version=None, complete=False)
    assert store.open("ex-money-002").complete is False


def test_pruning_drops_drafts_a_complete_version_supersedes_and_shrinks_the_file(store: CaseStore) -> None:
    case = example("ex-money-002")
    version = store.save({"case_id": "ex-money-002", "notes": "a" * 20000}, expected_version=None)
    for typed in range(30):  # the wizard saves a draft after every field
        version = store.save({"case_id": "ex-money-002", "notes": f"{typed} " + "b" * 20000}, expected_version=version)
    version = store.save(case, expected_version=version)  # v32, complete
    store.save({"case_id": "ex-money-002", "notes": "weiter"}, expected_version=version)  # v33, the latest draft
    store.save({"case_id": "anderer-fall", "notes": "x"}, expected_version=None)
    size = store.path.stat().st_size if store.path is not None else 0
    assert store.prune_drafts("ex-money-002") == 31
    assert [(s.version, s.complete) for s in store.history("ex-money-002")] == [(33, False), (32, True)]
    assert store.open("ex-money-002").data == {"case_id": "ex-money-002", "notes": "weiter"}
    assert store.open("anderer-fall").version == 1  # drafts without a complete successor stay
    if store.path is not None:  # SQLite gives the pages back (PostgreSQL: VACUUM keeps the file for reuse)
        assert store.path.stat().st_size < size / 4
    assert store.prune_drafts() == 0
    assert store.save(case, expected_version=33) == 34  # numbers are never reused


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-10**12, 10**12) | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(alphabet=st.characters(blacklist_categories=("Cs",))),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(draft=st.dictionaries(st.text(max_size=10), JSON_VALUES, max_size=6),
       case_id=st.text(alphabet="abcäöüß-0123456789", min_size=1, max_size=12))
def test_any_json_draft_reopens_exactly_and_is_found_by_its_case_id(store: CaseStore, draft: dict[str, Any],
                                                                      case_id: str) -> None:
    data = draft | {"case_id": case_id}
    latest = [s.version for s in store.list(limit=1000) if s.case_id == case_id]
    version = store.save(data, expected_version=latest[0] if latest else None)
    stored = store.open(case_id)
    assert stored.data == data and stored.version == version and not stored.complete
    assert case_id in [s.case_id for s in store.list(case_id.upper(), limit=1000)]
