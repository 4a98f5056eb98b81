"""Teamwissen in the store (issue 20, item 4): entries with versions, outdated marks, search by words and topic,
the entries of a wizard step, and no family data ever — on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest

from tests.pg_server import raw_sql
from workbench.errors import StoreConflict, StoreError
from workbench.store import CaseStore
from workbench.store.teamwissen import Teamwissen, TeamwissenRefused

ROOT = Path(__file__).resolve().parents[1]
TWINS = json.loads((ROOT / "tests" / "cases" / "familien" / "zwillinge.json").read_text(encoding="utf-8"))

GESCHWISTERBONUS = {
    "topic": "elterngeld", "step": "ui.eg.step_income",
    "question": "Bekommen Zwillinge den Geschwisterbonus?",
    "answer": "Nein: bei Mehrlingen gibt es den Mehrlingszuschlag von 300 € je weiterem Kind (§ 2a Abs. 4 BEEG), "
              "der Geschwisterbonus setzt ein älteres Geschwisterkind voraus (§ 2a Abs. 1 BEEG).",
    "source": "§ 2a BEEG; Richtlinien zum BEEG 2a.1", "researched_on": "2026-11-30", "author": "beraterin-1",
}


def test_an_entry_is_added_found_by_its_words_and_topic_and_shown_for_its_step(store_location: Path | str) -> None:
    team = Teamwissen(CaseStore(store_location))
    entry = team.add(**GESCHWISTERBONUS)
    assert (entry.entry_id, entry.version, entry.researched_on, entry.author) == (1, 1, date(2026, 11, 30), "beraterin-1")
    team.add(topic="kindergeld", question="Wie weit zahlt die Familienkasse rückwirkend?",
             answer="Sechs Monate vor dem Eingangsmonat (§ 66 Abs. 3 EStG, ab 2018).", source="§ 66 Abs. 3 EStG",
             researched_on=date(2026, 12, 1), author="berater-2")
    assert [e.entry_id for e in team.search("zwillinge GESCHWISTERBONUS")] == [1]
    assert [e.entry_id for e in team.search("mehrlingszuschlag", topic="elterngeld")] == [1]
    assert team.search("mehrlingszuschlag", topic="kindergeld") == []
    assert [e.entry_id for e in team.search("aelteres")] == [1]  # umlauts spelled out find it too
    assert [e.topic for e in team.search()] == ["kindergeld", "elterngeld"]  # newest first
    # beside the step it names, and beside no other step; an entry without a step belongs to every step of its topic
    assert [e.entry_id for e in team.for_step("elterngeld", "ui.eg.step_income")] == [1]
    assert team.for_step("elterngeld", "ui.eg.step_planner") == []
    assert [e.entry_id for e in team.for_step("kindergeld", "ui.lc.step_children")] == [2]
    # the family step is shared by several wizards: an Elterngeld entry for it stays in the Elterngeld wizard
    family = team.add(**{**GESCHWISTERBONUS, "step": "ui.eg.step_family", "question": "Wer ist Elternteil?"})
    assert [e.entry_id for e in team.for_step("elterngeld", "ui.eg.step_family")] == [family.entry_id, 1][:1]
    assert team.for_step("mutterschutz", "ui.eg.step_family") == []
    assert [e.entry_id for e in team.for_step((), "ui.eg.step_family")] == [family.entry_id]  # a wizard not known yet


def test_edits_keep_every_version_and_a_stale_edit_is_refused(store_location: Path | str) -> None:
    team = Teamwissen(CaseStore(store_location))
    first = team.add(**GESCHWISTERBONUS)
    second = team.edit(first.entry_id, 1, answer=GESCHWISTERBONUS["answer"] + " Beides zusammen ist möglich.",
                       researched_on="01.12.2026")
    assert (second.version, second.researched_on) == (2, date(2026, 12, 1))
    with pytest.raises(StoreConflict, match="inzwischen geändert"):
        team.edit(first.entry_id, 1, question="Alt?")
    assert [e.version for e in team.history(first.entry_id)] == [2, 1]
    assert team.get(first.entry_id, 1).answer == GESCHWISTERBONUS["answer"]
    assert team.search("beides zusammen")[0].version == 2


def test_an_outdated_entry_keeps_its_text_leaves_the_steps_and_is_found_only_on_request(store_location: Path | str) -> None:
    team = Teamwissen(CaseStore(store_location))
    entry = team.add(**GESCHWISTERBONUS)
    marked = team.mark_outdated(entry.entry_id, "BEEG-Reform 2027: Mehrlingszuschlag neu geregelt")
    assert (marked.version, marked.answer, marked.outdated) == (2, entry.answer, "BEEG-Reform 2027: Mehrlingszuschlag neu geregelt")
    assert team.search("zwillinge") == [] and team.for_step("elterngeld", "ui.eg.step_income") == []
    assert [e.outdated != "" for e in team.search("zwillinge", outdated=True)] == [True]
    corrected = team.edit(entry.entry_id, 2, answer="Neu ab 2027: …")
    assert corrected.outdated == "" and team.search("zwillinge")[0].version == 3


@pytest.mark.parametrize(("field", "value", "key"), [
    ("answer", "Die Steuer-ID 57549285017 stand im Bescheid.", "Steuer-ID"),
    ("answer", "Die Steuer-ID 57 549 285 017 stand im Bescheid.", "Steuer-ID"),
    ("source", "Überweisung auf DE67 3604 0039 0321 9876 54", "IBAN"),
    ("question", "Gilt das auch für EG-20261125-3F2A?", "Fallnummer"),
    ("answer", "Kindergeldnummer 123FK456789 angeben", "Kindergeldnummer"),
    ("answer", "RV-Nummer 12 150780 M 123 fehlte", "Rentenversicherungsnummer"),
])
def test_personal_numbers_are_refused_whatever_the_store_holds(tmp_path: Path, field: str, value: str, key: str) -> None:
    team = Teamwissen(CaseStore(tmp_path / "cases.sqlite"))
    with pytest.raises(TeamwissenRefused, match=key) as refused:
        team.add(**{**GESCHWISTERBONUS, field: value})
    assert refused.value.field == field
    assert team.search(outdated=True) == []


def test_an_entry_cannot_reference_a_stored_cases_personal_fields(store_location: Path | str) -> None:
    """The twins' case is stored: its id, a parent's full name, a name with a date of birth are refused."""
    store = CaseStore(store_location)
    store.save(TWINS, expected_version=None)
    team = Teamwissen(store)
    for text, what in [("Wie bei FAM-ZWILLINGE: Mehrlingszuschlag zweimal?", "Fallnummer"),
                       ("Frau Aylin Yıldız fragte nach dem Mehrlingszuschlag.", "Namen"),
                       ("Yıldız, Aylin: Elterngeld für Zwillinge", "Namen"),
                       ("Jonas, geboren 02.09.1990, hat Anspruch?", "Geburtsdatum")]:
        with pytest.raises(TeamwissenRefused, match=what):
            team.add(**{**GESCHWISTERBONUS, "question": text})
    # a first name alone or a date alone names nobody: allowed
    team.add(**{**GESCHWISTERBONUS, "question": "Wenn Jonas als Vater Elternzeit nimmt: Partnerschaftsbonus?"})
    team.add(**{**GESCHWISTERBONUS, "question": "Gilt der Stichtag 02.09.1990 für irgendwas?"})
    with pytest.raises(TeamwissenRefused, match="Namen"):
        team.mark_outdated(1, "Siehe Aylin Yıldız")


def test_the_tables_have_no_case_column(store_location: Path | str) -> None:
    CaseStore(store_location)
    for table in ("teamwissen", "teamwissen_versions"):
        if isinstance(store_location, Path):
            with closing(sqlite3.connect(store_location)) as conn:
                columns = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
        else:
            columns = {str(r[0]) for r in raw_sql(store_location, "SELECT column_name FROM information_schema.columns "
                                                                  "WHERE table_name = ?", (table,))}
        assert columns and not any("case" in c for c in columns), columns


@pytest.mark.parametrize(("changes", "message"), [
    ({"question": "  "}, "Frage fehlt"),
    ({"topic": "steuern"}, "Thema „steuern“ gibt es nicht"),
    ({"researched_on": "30.02.2026"}, "ist kein Datum"),
    ({"researched_on": "2031-01-01"}, "liegt in der Zukunft"),
    ({"step": "Schritt 3!"}, "Schritt aus der Liste"),
    ({"answer": "x" * 5001}, "höchstens 5000 Zeichen"),
])
def test_unusable_entries_are_refused_with_a_german_message_naming_the_field(tmp_path: Path, changes: dict[str, str],
                                                                             message: str) -> None:
    with pytest.raises(TeamwissenRefused, match=message):
        Teamwissen(CaseStore(tmp_path / "cases.sqlite")).add(**{**GESCHWISTERBONUS, **changes})
    english = Teamwissen(CaseStore(tmp_path / "cases.sqlite"), language="en")
    with pytest.raises(TeamwissenRefused) as refused:
        english.add(**{**GESCHWISTERBONUS, "question": ""})
    assert str(refused.value) == "Question is missing: please fill it in."


def test_an_unknown_entry_says_how_to_find_the_entries(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="Teamwissen-Eintrag 7 gibt es nicht. `workbench teamwissen list`"):
        Teamwissen(CaseStore(tmp_path / "cases.sqlite")).get(7)


def test_a_store_of_schema_3_is_upgraded_to_4_when_opened_and_keeps_its_cases(tmp_path: Path) -> None:
    path = tmp_path / "cases.sqlite"
    CaseStore(path).save(TWINS, expected_version=None)
    with closing(sqlite3.connect(path)) as conn:  # as schema 3 wrote it
        conn.execute("DROP TABLE teamwissen_versions")
        conn.execute("DROP TABLE teamwissen")
        conn.execute("DELETE FROM schema_version")
        conn.execute("INSERT INTO schema_version (version) VALUES (3)")
        conn.commit()
    store = CaseStore(path)
    assert store.open("FAM-ZWILLINGE").data["household"]["parents"][0]["name"] == "Aylin"
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] == 4
    assert Teamwissen(store).add(**GESCHWISTERBONUS).entry_id == 1


def test_a_postgresql_store_of_schema_3_is_upgraded_to_4(database: object) -> None:
    url = database()  # type: ignore[operator]
    CaseStore(url).save(TWINS, expected_version=None)
    raw_sql(url, "DROP TABLE teamwissen_versions")
    raw_sql(url, "DROP TABLE teamwissen")
    raw_sql(url, "UPDATE schema_version SET version = 3")
    store = CaseStore(url)
    assert raw_sql(url, "SELECT MAX(version) FROM schema_version") == [(4,)]
    assert Teamwissen(store).add(**GESCHWISTERBONUS).entry_id == 1 and store.open("FAM-ZWILLINGE").version == 1


def test_a_read_only_store_of_schema_3_lists_no_entries_instead_of_failing(tmp_path: Path) -> None:
    path = tmp_path / "cases.sqlite"
    CaseStore(path)
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("DROP TABLE teamwissen_versions")
        conn.execute("DROP TABLE teamwissen")
        conn.execute("DELETE FROM schema_version")
        conn.execute("INSERT INTO schema_version (version) VALUES (3)")
        conn.commit()
    path.chmod(0o400)
    tmp_path.chmod(0o500)
    try:
        store = CaseStore(path)
        if not store.read_only:
            pytest.skip("running as root: the file stays writable")
        assert Teamwissen(store).search() == [] and Teamwissen(store).for_step("elterngeld", "") == []
    finally:
        tmp_path.chmod(0o700)
        path.chmod(0o600)


def test_in_an_encrypted_store_the_names_are_read_with_the_key_and_the_entries_stay_clear(tmp_path: Path) -> None:
    """The check decrypts the cases to compare; the entries themselves hold no family data and are not sealed."""
    from workbench.store.crypto import new_key, parse_key

    store = CaseStore(tmp_path / "cases.sqlite", key=parse_key(new_key(), "test"))
    store.save(TWINS, expected_version=None)
    team = Teamwissen(store)
    with pytest.raises(TeamwissenRefused, match="Namen"):
        team.add(**{**GESCHWISTERBONUS, "answer": "Wie bei Aylin Yıldız: Mehrlingszuschlag."})
    team.add(**GESCHWISTERBONUS)
    with closing(sqlite3.connect(store.path)) as conn:
        assert conn.execute("SELECT question FROM teamwissen_versions").fetchall() == [(GESCHWISTERBONUS["question"],)]
