"""Issue 15 item 5: every result that uses a value marked "(nicht verifiziert)" says "bitte prüfen" beside it.

In the advisor's views (CLI JSON and text, the wizards' result pages); never on the family's sheets.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

from tests.test_year_walk import run, walk_case


def _case(tmp_path: Path, on: date, **changes: object) -> Path:
    data = walk_case(on)
    data.update(changes)
    path = tmp_path / "case.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_elterngeld_of_a_2027_birth_names_the_unverified_2026_minijob_limit_and_zusatzbeitrag(tmp_path: Path) -> None:
    path = _case(tmp_path, date(2027, 3, 1))
    code, out, _ = run("elterngeld", str(path))
    assert code == 0 and {"elterngeld.geringfuegigkeitsgrenze_m", "elterngeld.gkv_zusatzbeitrag_pap"} <= set(
        json.loads(out)["unverified"])
    code, out, _ = run("elterngeld", str(path), "--explain")
    assert "bitte prüfen: Geringfügigkeitsgrenze, der für die Lohnsteuer angesetzte Zusatzbeitrag" in out
    # PAP amounts are confirmed by the pseudo code (values_checked_by): not asked to check
    assert "Grundfreibetrag" not in next(line for line in out.splitlines() if line.startswith("bitte prüfen"))
    assert json.loads(run("elterngeld", str(_case(tmp_path, date(2025, 6, 1))))[1])["unverified"] == []


def test_mutterschaftsgeld_names_the_unverified_divisor(tmp_path: Path) -> None:
    out = json.loads(run("mutterschutz", str(_case(tmp_path, date(2026, 3, 1))))[1])
    assert out["unverified"] == ["mutterschutz.tage_je_monat_festes_gehalt"]
    assert out["unverified_note"].startswith("bitte prüfen: kalendertägliches Nettoentgelt")


def test_elternzeit_before_september_2021_names_the_unverified_30_hours(tmp_path: Path) -> None:
    data = walk_case(date(2020, 3, 1))
    data["elternzeit"]["periods"][0]["hours_per_week"] = 25
    path = tmp_path / "case.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    out = json.loads(run("elternzeit", str(path), "--today", "2020-03-01")[1])
    assert "elternzeit.teilzeit_hoechstens_stunden" in out["unverified"]


def test_kita_pflege_and_vorsorge_name_their_unverified_values_for_the_advisor(tmp_path: Path) -> None:
    path = _case(tmp_path, date(2026, 3, 1))
    kita = run("kita", str(path), "--date", "2026-03-01")[1]
    assert "bitte prüfen: das Kindergartenjahr beginnt am 1. August" in kita
    assert "kein Elternbeitrag bis zu diesem Jahresbruttoeinkommen" in kita  # the limit from press reports
    pflege = run("pflege", str(path), "--date", "2026-03-01")[1]
    assert "bitte prüfen: " in pflege and "zinsloses Darlehen des BAFzA" in pflege  # the 50 € minimum rate
    vorsorge = run("vorsorge", str(path), "--date", "2026-03-01")[1]
    assert "bitte prüfen: " in vorsorge and "Registrierung im Zentralen Vorsorgeregister" in vorsorge


def test_the_leistungscheck_with_unverified_values_adds_the_hint(tmp_path: Path) -> None:
    out = json.loads(run("check", str(_case(tmp_path, date(2026, 3, 1))), "--date", "2026-03-01")[1])
    assert "leistungen.hint.unverified" in [h["key"] for h in out["hints"]]


def test_the_buergergeld_comparison_of_2026_uses_no_unverified_regelbedarf(tmp_path: Path) -> None:
    """Issue 19: the Regelbedarfe 2026 are cited from the RBSFV 2026 (BGBl. 2025 I Nr. 243), checked against
    the promulgated text, so the need comparison no longer asks to check them (it did while the citation
    of the Leistungscheck's own copy said "Fundstelle nicht verifiziert")."""
    from workbench.case import load_case
    from workbench.evaluation.leistungscheck import leistungscheck

    result = leistungscheck(load_case(_case(tmp_path, date(2026, 3, 1))), date(2026, 3, 1))
    assert result.bedarf.steps and result.bedarf.steps[0].key == "grundsicherung.step.bedarf"
    assert result.bedarf_unverified == ()


def test_the_family_handout_says_nothing_about_checking(tmp_path: Path) -> None:
    from workbench.case import load_case
    from workbench.report.topics import topic_sections

    sections = topic_sections(load_case(walk_case(date(2026, 3, 1))), "de", today=date(2026, 3, 1))
    text = " ".join(p for s in sections for p in (*s.paragraphs, *(" ".join(r) for r in s.rows)))
    assert "bitte prüfen" not in text.lower().replace("formularnummer bitte prüfen", "")
    assert "Bitte prüfen: Tages-/Nachtpflege" not in text  # the advisor's Pflege note stays in the wizard


def test_the_step_that_uses_an_unverified_value_says_bitte_pruefen_beside_its_figure(tmp_path: Path) -> None:
    """Each unverified value marks the first step after its lookup, once (not the outer steps too)."""
    out = run("elterngeld", str(_case(tmp_path, date(2027, 3, 1))), "--explain")[1]
    steps = [line.strip() for line in out.splitlines() if re.match(r"\s+\d+\. ", line)]
    lohnsteuer = next(s for s in steps if "Lohnsteuer nach dem Programmablaufplan 2026" in s)
    assert lohnsteuer.endswith("– bitte prüfen: der für die Lohnsteuer angesetzte Zusatzbeitrag ist der "
                               "durchschnittliche Zusatzbeitrag des Jahres")
    assert next(s for s in steps if s.split(". ", 1)[1].startswith("Pauschale Sozialabgaben")).endswith(
        "– bitte prüfen: Geringfügigkeitsgrenze")
    assert sum("bitte prüfen" in s for s in steps) == 4  # two steps per parent, nothing else
    ms = run("mutterschutz", str(_case(tmp_path, date(2026, 3, 1))), "--explain")[1].splitlines()
    assert [line for line in ms if "– bitte prüfen" in line][0].startswith("Kalendertägliches Nettoentgelt 70,00 €")
