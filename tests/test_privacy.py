"""Privacy: anonymous consultations, and no family data in logs or error messages (docs/datenschutz.md)."""

from __future__ import annotations

import io
import json
import logging
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from tests.shared import SHARED
from workbench.case import load_case
from workbench.cli import main
from workbench.errors import CaseError, StoreConflict
from workbench.report import handout_pdf
from workbench.evaluation.elterngeld.engine import compute_elterngeld
from workbench.store import CaseStore
from workbench.store.crypto import new_key

CASE: dict[str, Any] = json.loads((SHARED / "examples" / "elterngeld" / "ex-money-021.json").read_text())["case"]

# An invented family, full of things that must never show up in a log or an error message.
PERSONAL = ["Wiebke-Solveig", "Thorbjörn", "Ostermann-Kowalczyk", "Herne-Sodingen",
            "Wohnungsnot seit März", "Depression nach Fehlgeburt", "1987-04-13", "1985-12-01", "4321.87", "3876.54"]


def personal_case(case_id: str = "pers-1") -> dict[str, Any]:
    case = json.loads(json.dumps(CASE))
    case["case_id"] = case_id
    case["notes"] = f"{PERSONAL[4]}; {PERSONAL[5]}"
    case["household"]["municipality"] = PERSONAL[3]
    a, b = case["household"]["parents"]
    a |= {"name": f"{PERSONAL[0]} {PERSONAL[2]}", "birth_date": PERSONAL[6]}
    b |= {"name": PERSONAL[1], "birth_date": PERSONAL[7]}
    a["income_before_birth"]["gross_monthly"] = float(PERSONAL[8])
    b["income_before_birth"]["gross_monthly"] = float(PERSONAL[9])
    return case


def anonymous_case() -> dict[str, Any]:
    case = json.loads(json.dumps(CASE))
    case["anonymous"] = True
    case["household"].pop("municipality", None)
    for parent in case["household"]["parents"]:
        parent.pop("name", None)
        parent.pop("birth_date", None)
    return case


def _pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)


# -- anonymous mode -------------------------------------------------------------------------------

def test_an_anonymous_case_computes_the_same_elterngeld_and_the_handout_says_elternteil_a_and_b() -> None:
    named, anonymous = load_case(CASE), load_case(anonymous_case())
    assert anonymous.anonymous and all(p.name is None for p in anonymous.household.parents)
    assert compute_elterngeld(anonymous).total == compute_elterngeld(named).total
    handout = _pdf_text(handout_pdf(anonymous, "de"))
    assert "Familie Elternteil A und Elternteil B" in handout
    assert "Eva" not in handout and "Jonas" not in handout
    assert "Parent A and Parent B" in _pdf_text(handout_pdf(anonymous, "en"))


def test_an_anonymous_case_with_a_name_is_refused_at_the_field() -> None:
    with pytest.raises(CaseError) as refused:
        load_case(anonymous_case() | {"notes": "Eva ruft zurück"})
    assert refused.value.messages == ["notes: anonyme Beratung: dieses Feld bleibt leer (es kann die Familie erkennbar "
                                      "machen) – leeren oder die anonyme Beratung ausschalten"]
    case = anonymous_case()
    case["household"]["parents"][1]["name"] = "Jonas"
    with pytest.raises(CaseError, match=r"^household\.parents\[1\]\.name: anonyme Beratung"):
        load_case(case)


def test_the_store_writes_no_name_of_an_anonymous_draft_or_case(tmp_path: Path) -> None:
    store = CaseStore(tmp_path / "cases.sqlite")
    draft = {"case_id": "anon-1", "anonymous": True, "notes": "Eva Musterfrau, Herne",
             "household": {"municipality": "Herne", "parents": [{"id": "A", "name": "Eva", "birth_date": "1990-01-02"}]}}
    store.save(draft, expected_version=None)
    full = personal_case("anon-1") | {"anonymous": True}
    assert store.save(full, expected_version=1) == 2  # the identifying fields are removed, then it validates
    with pytest.raises(StoreConflict):
        store.save(full, expected_version=1)  # the conflict copy is stripped too
    stored = store.open("anon-1")
    assert stored.complete and load_case(stored.data).anonymous
    household = stored.data["household"]
    assert "notes" not in stored.data and "municipality" not in household
    assert [sorted({"name", "birth_date"} & set(p)) for p in household["parents"]] == [[], []]
    assert household["parents"][0]["income_before_birth"]["gross_monthly"] == 4321.87  # what computes stays
    assert store.list()[0].family == ""  # the list shows the case id only
    with closing(sqlite3.connect(store.path)) as reader:
        reader.execute("SELECT count(*) FROM versions").fetchone()
        raw = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith("cases.sqlite"))
    for personal in ["Eva", "Herne", "1990-01-02", *PERSONAL[:8]]:
        assert personal.encode() not in raw, personal


def test_the_wizard_switch_empties_and_locks_the_names_and_nothing_identifying_is_saved(tmp_path: Path) -> None:
    from workbench.ui.pages.elterngeld.wizard import ElterngeldWizard, new_case

    store = CaseStore(tmp_path / "cases.sqlite")
    wizard = ElterngeldWizard(new_case(), store, autosave_delay=0)
    familie = wizard.steps[0]
    familie.parents.resize(2)  # type: ignore[attr-defined]
    for row, name in zip(familie.parents.rows, ("Eva", "Jonas")):  # type: ignore[attr-defined]
        row.fields["name"].input.value = name
    familie.anonymous.input.value = True  # type: ignore[attr-defined]
    names = [row.fields["name"] for row in familie.parents.rows]  # type: ignore[attr-defined]
    assert [f.input.value for f in names] == ["", ""] and all(f.input.disabled for f in names)
    wizard._on_next()
    assert wizard.index == 1
    stored = store.open(wizard.case_id)
    assert stored.data["anonymous"] is True
    assert all("name" not in p for p in stored.data["household"]["parents"])
    familie.anonymous.input.value = False  # type: ignore[attr-defined]
    assert not any(f.input.disabled for f in names)


# -- no personal data in logs and error messages --------------------------------------------------

def _assert_clean(output: str, where: str) -> None:
    for personal in PERSONAL:
        assert personal not in output, (where, personal, output)
    assert "Traceback" not in output, (where, output)


def _cli(tmp_path: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full = os.environ | {"WORKBENCH_DATA": str(tmp_path / "data"), "PYTHONPATH": str(Path(__file__).parents[1])}
    return subprocess.run([sys.executable, "-m", "workbench.cli", *args], capture_output=True, text=True,
                          timeout=180, env=full | (env or {}))


def test_failing_commands_on_a_case_full_of_personal_data_name_none_of_it(tmp_path: Path) -> None:
    good = tmp_path / "fall.json"
    good.write_text(json.dumps(personal_case()), encoding="utf-8")
    assert _cli(tmp_path, "cases", "import", str(good)).returncode == 0
    broken_cases = {
        "steuerklasse.json": lambda c: c["household"]["parents"][0]["income_before_birth"].update(tax_class=9),
        "typ.json": lambda c: c["household"]["parents"][1].update(name=["Thorbjörn"]),
        "unbekannt.json": lambda c: c["household"].update(Wohnort=PERSONAL[3]),
        "datum.json": lambda c: c["household"]["parents"][0].update(birth_date="13.04.1987"),
        "plan.json": lambda c: c["elterngeld_plan"]["months"].update(A="BBBX" + "Wiebke"),
        "anonym.json": lambda c: c.update(anonymous=True),
    }
    runs = []
    for name, breaker in broken_cases.items():
        case = personal_case()
        breaker(case)
        path = tmp_path / name
        path.write_text(json.dumps(case), encoding="utf-8")
        for command in (("elterngeld", str(path)), ("optimize", str(path)), ("compare", str(path)),
                        ("handout", str(path), "-o", str(tmp_path / "x.pdf")), ("cases", "import", str(path))):
            runs.append((name, command, _cli(tmp_path, *command)))
    not_json = tmp_path / "kaputt.json"
    not_json.write_text(json.dumps(personal_case())[:-40], encoding="utf-8")
    runs.append(("kaputt", ("elterngeld",), _cli(tmp_path, "elterngeld", str(not_json))))
    (tmp_path / "exists.pdf").write_bytes(b"%PDF")
    runs.append(("exists", ("handout",), _cli(tmp_path, "handout", str(good), "-o", str(tmp_path / "exists.pdf"))))
    runs.append(("key", ("cases", "list"), _cli(tmp_path, "cases", "list", env={"WORKBENCH_KEY": new_key()})))
    runs.append(("delete", ("cases", "delete"), _cli(tmp_path, "cases", "delete", "pers-1")))
    for name, command, out in runs:
        assert out.returncode == 2, (name, command, out.stderr)
        assert out.stderr.strip(), (name, command)
        _assert_clean(out.stderr, f"{name} {command}")
    assert "tax_class" in runs[0][2].stderr  # the messages still say what is wrong


def test_the_store_logs_case_ids_and_counts_only(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    store = CaseStore(tmp_path / "cases.sqlite")
    case = personal_case()
    store.save({"case_id": "pers-1", "notes": case["notes"]}, expected_version=None)
    store.save(case, expected_version=1)
    with pytest.raises(StoreConflict):
        store.save(case, expected_version=1)
    store.import_json(case)
    store.export_history("pers-1")
    store.prune_drafts()
    main(["backup", str(tmp_path / "b.sqlite"), "--store", str(store.path)])
    main(["purge", "--older-than", "1d", "--dry-run", "--store", str(store.path)])
    store.delete("pers-1")
    logged = "\n".join(f"{r.name}: {r.getMessage()}" for r in caplog.records)
    assert "pers-1" in logged and "backup written" in logged
    _assert_clean(logged, "log")


def test_an_internal_error_prints_its_type_only_never_the_data(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "fall.json"
    path.write_text(json.dumps(personal_case()), encoding="utf-8")

    def broken(case: Any) -> Any:
        raise ValueError(f"kaputt bei {case.household.parents[0].name}")  # a bug that quotes the data

    monkeypatch.setattr("workbench.evaluation.elterngeld.engine.compute_elterngeld", broken)
    monkeypatch.delenv("WORKBENCH_DEBUG", raising=False)
    assert main(["elterngeld", str(path)]) == 3
    err = capsys.readouterr().err
    assert "Interner Fehler (ValueError)" in err
    _assert_clean(err, "internal error")
