"""``workbench teamwissen …``: add, find, show, mark outdated and promote into docs or a rule comment, with German
messages and the exit codes of ``workbench`` (0 done, 2 refused)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workbench.cli.app import main

ADD = ["teamwissen", "add", "--topic", "elterngeld", "--step", "ui.eg.step_income",
       "--question", "Bekommen Zwillinge den Geschwisterbonus?",
       "--answer", "Nein: für Mehrlinge gibt es den Mehrlingszuschlag von 300 € je weiterem Kind (§ 2a Abs. 4 BEEG).",
       "--source", "§ 2a Abs. 4 BEEG", "--date", "30.11.2026", "--by", "beraterin-1"]


def test_an_entry_is_added_listed_searched_and_shown(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(ADD) == 0
    assert capsys.readouterr().out == "Eintrag 1 gespeichert (Version 1).\n"
    assert main(["teamwissen", "list"]) == 0
    assert capsys.readouterr().out == ("#1\tv1\tElterngeld · Einkommen vor der Geburt\t"
                                       "Bekommen Zwillinge den Geschwisterbonus?\n")
    assert main(["teamwissen", "search", "Mehrlingszuschlag", "--topic", "elterngeld", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert [(e["id"], e["researched_on"], e["author"], e["step"]) for e in found] == [
        (1, "2026-11-30", "beraterin-1", "ui.eg.step_income")]
    assert main(["teamwissen", "search", "Mehrlingszuschlag", "--topic", "kindergeld"]) == 0
    assert capsys.readouterr().err == "Keine Einträge gefunden.\n"
    assert main(["teamwissen", "show", "1"]) == 0
    assert "Quelle: § 2a Abs. 4 BEEG · recherchiert am 30.11.2026 von beraterin-1 · Version 1" in capsys.readouterr().out


def test_family_data_is_refused_with_exit_2_and_a_message_saying_what_to_do(capsys: pytest.CaptureFixture[str]) -> None:
    refused = [*ADD[:-6], "--source", "Steuer-ID 57549285017", "--date", "30.11.2026"]
    assert main(refused) == 2
    assert capsys.readouterr().err == ("Quelle enthält eine Steuer-ID. Teamwissen ist für alle im Team: "
                                       "bitte ohne Daten einer Familie formulieren.\n")
    assert main(["teamwissen", "list"]) == 0 and capsys.readouterr().out == ""


def test_edit_and_outdated_keep_the_history(capsys: pytest.CaptureFixture[str]) -> None:
    main(ADD)
    assert main(["teamwissen", "edit", "1", "--version", "1", "--answer", "Neu: 300 € je weiterem Kind."]) == 0
    assert main(["teamwissen", "edit", "1", "--version", "1", "--answer", "zu spät"]) == 2
    assert "inzwischen geändert (jetzt Version 2)" in capsys.readouterr().err
    assert main(["teamwissen", "outdated", "1", "--reason", "Reform 2027"]) == 0
    assert "als veraltet markiert (Version 3)" in capsys.readouterr().out
    assert main(["teamwissen", "list"]) == 0 and capsys.readouterr().out == ""
    assert main(["teamwissen", "list", "--outdated"]) == 0
    assert "[VERALTET: Reform 2027]" in capsys.readouterr().out
    assert main(["teamwissen", "show", "1", "--history", "--json"]) == 0
    assert [(e["version"], e["outdated"]) for e in json.loads(capsys.readouterr().out)] == [
        (3, "Reform 2027"), (2, ""), (1, "")]
    assert main(["teamwissen", "export", "--promote", "1"]) == 2
    assert "veraltet markiert (Reform 2027) und wird nicht übernommen" in capsys.readouterr().err


def test_a_maintainer_promotes_an_entry_into_docs_and_into_a_rule_comment(tmp_path: Path,
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    main(ADD)
    docs = tmp_path / "elterngeld.md"
    docs.write_text("# Elterngeld\n\nText.\n", encoding="utf-8")
    assert main(["teamwissen", "export", "--promote", "1", "--append", str(docs)]) == 0
    assert docs.read_text(encoding="utf-8") == (
        "# Elterngeld\n\nText.\n\n### Bekommen Zwillinge den Geschwisterbonus?\n\n"
        "Nein: für Mehrlinge gibt es den Mehrlingszuschlag von 300 € je weiterem Kind (§ 2a Abs. 4 BEEG).\n\n"
        "> Aus dem Teamwissen (Eintrag 1, Version 1). Quelle: § 2a Abs. 4 BEEG. Recherchiert am 30.11.2026 von "
        "beraterin-1; Thema elterngeld, ui.eg.step_income.\n\n<!-- teamwissen:1:v1 -->\n")
    capsys.readouterr()
    assert main(["teamwissen", "show", "1"]) == 0
    assert capsys.readouterr().out.endswith(f"übernommen in {docs}\n")
    assert main(["teamwissen", "export", "--promote", "1", "--as", "comment"]) == 0
    comment = capsys.readouterr().out
    assert comment.startswith("# Aus dem Teamwissen (Eintrag 1, Version 1): Bekommen Zwillinge den Geschwisterbonus?\n")
    assert all(line.startswith("# ") and len(line) <= 98 for line in comment.splitlines())
    new = tmp_path / "snippet.md"
    assert main(["teamwissen", "export", "--promote", "1", "--output", str(new)]) == 0
    assert main(["teamwissen", "export", "--promote", "1", "--output", str(new)]) == 2
    assert "gibt es schon. Mit --force überschreiben" in capsys.readouterr().err
    assert main(["teamwissen", "export"]) == 0
    assert [e["version"] for e in json.loads(capsys.readouterr().out)] == [1]


def test_an_unknown_entry_and_english_messages(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["teamwissen", "show", "7"]) == 2
    assert capsys.readouterr().err == "Teamwissen-Eintrag 7 gibt es nicht. `workbench teamwissen list` zeigt alle Einträge.\n"
    assert main(["teamwissen", "show", "7", "--language", "en"]) == 2
    assert capsys.readouterr().err.startswith("There is no team knowledge entry 7.")
