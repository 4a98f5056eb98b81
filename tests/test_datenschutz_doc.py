"""docs/datenschutz.md says exactly what is stored where: checked against the case model, the store and the CLI.

Issue 25 found the page claiming that addresses, phone numbers, Steuer-ID and bank data are not
stored while the forms wizard stores them. These tests fail when the page and the code drift:

- every field of the case model (walked from the pydantic models) is in a category of the section
  "Welche Daten gespeichert werden", and every path named there exists;
- every identifying field of an anonymous case (workbench/case/privacy.py) is named as stored and
  in the section on anonymous consultations;
- every column of the store's schema is in the table "Die Falldatenbank", and what it says about
  encryption is what a real encrypted store holds in that column;
- every command that writes a file (an ``--output``/``--pdf`` argument) is in the table of other places.
"""

from __future__ import annotations

import argparse
import json
import re
import sqlite3
import types
import typing
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from tests.shared import SHARED
from workbench.case import Case, migrate, privacy
from workbench.cli import build_parser
from workbench.cli.store import RETENTION_ENV
from workbench.errors import StoreConflict
from workbench.store import CaseStore
from workbench.store.crypto import KEY_FILE_ENV, PREFIX, new_key, parse_key
from workbench.store.schema import SCHEMA

DOC = (Path(__file__).resolve().parents[1] / "docs" / "datenschutz.md").read_text(encoding="utf-8")
CASE: dict[str, Any] = migrate(json.loads((SHARED / "examples" / "elterngeld" / "ex-money-021.json").read_text())["case"])


def section(heading: str) -> str:
    """The text under ``heading`` (a ``##`` or ``###`` line) up to the next heading of the same or a higher level."""
    match = re.search(rf"^(#+) {re.escape(heading)}\n", DOC, flags=re.M)
    assert match, f"docs/datenschutz.md has no heading {heading!r}"
    level = len(match[1])
    rest = DOC[match.end():]
    end = re.search(rf"^#{{1,{level}}} ", rest, flags=re.M)
    return rest[: end.start() if end else len(rest)]


def _model_in(annotation: Any) -> tuple[type[BaseModel] | None, bool]:
    """The pydantic model inside a field's type and whether it is a list of them (dicts are leaves)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation, False
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is list:
        inner, _ = _model_in(args[0])
        return (inner, True) if inner else (None, False)
    if origin in (typing.Union, types.UnionType, typing.Annotated):
        for arg in args:
            inner, is_list = _model_in(arg)
            if inner:
                return inner, is_list
    return None, False


def case_fields(model: type[BaseModel] = Case, prefix: str = "") -> Iterator[str]:
    """Every leaf field of the case model as a path, lists marked ``[]`` (``household.parents[].personal.tax_id``)."""
    for name, field in model.model_fields.items():
        inner, is_list = _model_in(field.annotation)
        if inner is None:
            yield prefix + name
        else:
            yield from case_fields(inner, f"{prefix}{name}{'[]' if is_list else ''}.")


def named_paths(text: str) -> set[str]:
    return set(re.findall(r"`([a-z_]+(?:\[\])?(?:\.[a-z_0-9]+(?:\[\])?)*)`", text))


def category_rows() -> list[str]:
    """The rows of the category table (without its header)."""
    rows = [line for line in section("Welche Daten gespeichert werden").splitlines()
            if line.startswith("| ") and not line.startswith("|---")]
    return rows[1:]


def covers(named: str, path: str) -> bool:
    return path == named or path.startswith(named + ".") or path.startswith(named + "[")


def test_every_field_of_the_case_model_is_in_a_category_and_every_named_field_exists() -> None:
    named = named_paths("\n".join(category_rows()))
    fields = list(case_fields())
    assert len(fields) > 150  # the walk reaches into personal, bank, employer, care, ...
    missing = [path for path in fields if not any(covers(n, path) for n in named)]
    assert not missing, f"fields of the case model not described in docs/datenschutz.md: {missing}"
    invented = [n for n in named if not any(covers(n, path) for path in fields)]
    assert not invented, f"docs/datenschutz.md names fields the case model does not have: {invented}"


@pytest.mark.parametrize("path", [
    "household.parents[].personal.tax_id", "household.parents[].personal.bank.iban", "household.address.street",
    "household.parents[].personal.phone", "household.children[].disability", "care.recipient.pflegegrad",
    "mutterschutz.miscarriage.week",
])
def test_the_forms_data_and_health_data_are_said_to_be_stored(path: str) -> None:
    assert any(any(covers(n, path) for n in named_paths(row)) for row in category_rows()), path
    assert "nicht gespeichert" not in section("Welche Daten gespeichert werden").lower()


def _identifying() -> list[str]:
    """The fields an anonymous case leaves empty, as paths (workbench/case/privacy.py)."""
    paths = [f"household.{f}" for f in privacy.IDENTIFYING_HOUSEHOLD_FIELDS]
    paths += [f"household.parents[].{f}" for f in privacy.IDENTIFYING_PARENT_FIELDS]
    paths += [f"household.children[].{f}" for f in privacy.IDENTIFYING_CHILD_FIELDS]
    paths += [".".join(p) for p in privacy.IDENTIFYING_NAMES]
    return [*paths, "notes"]


def test_every_identifying_field_is_named_as_stored_and_as_left_out_of_anonymous_cases() -> None:
    stored = named_paths("\n".join(category_rows()))
    anonymous = named_paths(section("Anonyme Beratung"))
    for path in _identifying():
        leaves = [field for field in case_fields() if covers(path, field)]
        assert leaves and all(any(covers(n, leaf) for n in stored) for leaf in leaves), path
        assert path in anonymous, path


def _schema_columns() -> dict[str, list[str]]:
    """The store's tables and columns, as SQLite reads the schema the store creates."""
    with closing(sqlite3.connect(":memory:")) as conn:
        conn.executescript(SCHEMA)
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {t: [r[1] for r in conn.execute(f"PRAGMA table_info({t})")] for t in tables}


def _documented_columns() -> dict[str, str]:
    """``table.column`` → the first word of the "verschlüsselt" cell of the store table."""
    rows = re.findall(r"^\| `(\w+\.\w+)` \|[^|]*\| ([^|]+) \|$", section("Die Falldatenbank"), flags=re.M)
    return {column: cell.split()[0] for column, cell in rows}


def test_every_column_of_the_store_is_documented_and_none_that_does_not_exist() -> None:
    actual = {f"{table}.{column}" for table, columns in _schema_columns().items() for column in columns}
    assert {"versions.data", "versions.family", "conflicts.data", "cases.case_id"} <= actual
    assert set(_documented_columns()) == actual


def test_what_the_doc_says_is_encrypted_is_what_an_encrypted_store_holds(tmp_path: Path) -> None:
    store = CaseStore(tmp_path / "cases.sqlite", key=parse_key(new_key(), "test"))
    case = CASE | {"notes": "Notiz"}
    store.save(case, expected_version=None)
    with pytest.raises(StoreConflict):
        store.save(case, expected_version=None)  # a conflict copy in the table too
    observed: dict[str, str] = {}
    with closing(sqlite3.connect(store.path)) as conn:
        for table, columns in _schema_columns().items():
            for column in columns:
                values = [str(v[0]) for v in conn.execute(f"SELECT {column} FROM {table}") if v[0] not in (None, "")]
                sealed = bool(values) and all(v.startswith(PREFIX) for v in values)
                observed[f"{table}.{column}"] = "ja" if sealed else "nein"
    assert _documented_columns() == observed


def _writing_commands(parser: argparse.ArgumentParser, prefix: str = "") -> Iterator[str]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _writing_commands(sub, f"{prefix} {name}".strip())
    if {a.dest for a in parser._actions} & {"output", "pdf"}:
        yield prefix


def test_every_command_that_writes_a_file_is_in_the_table_of_places() -> None:
    commands = list(_writing_commands(build_parser()))
    assert {"backup", "cases export", "handout", "fill", "key new", "kita"} <= set(commands)
    places = section("Weitere Orte")
    for command in commands:
        assert f"`workbench {command}" in places, command


def test_retention_and_the_key_setting_are_named_as_the_code_reads_them() -> None:
    assert f"{RETENTION_ENV}=730" in section("Aufbewahrung und Löschung")
    assert KEY_FILE_ENV in section("Verschlüsselung")
