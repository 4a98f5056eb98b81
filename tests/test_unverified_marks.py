"""Issue 15 item 5: every result that uses a value marked "(nicht verifiziert)" says "bitte prüfen" beside it.

In the advisor's views (CLI JSON and text, the wizards' result pages); never on the family's sheets.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from tests.test_year_walk import run, walk_case
from workbench.parameters import parameter_files, parse_parameter_text, read_parameter_text, using_parameters


def _case(tmp_path: Path, on: date, **changes: object) -> Path:
    data = walk_case(on)
    data.update(changes)
    path = tmp_path / "case.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@contextmanager
def elterngeld_2026_marked() -> Iterator[None]:
    """The Elterngeld rules with the 2026 Minijob limit and Zusatzbeitrag marked "(nicht verifiziert)" again.

    verify9 confirmed both (Fünfte MindestlohnanpassungsV, BGBl. 2025 I Nr. 268; BMF-Schreiben zum PAP 2026),
    so the real files no longer mark anything the Elterngeld reads; the "bitte prüfen" mechanism is tested
    on this in-memory copy (``using_parameters``, the scope the reform drafts use).
    """
    path = parameter_files()["elterngeld"]
    lines = read_parameter_text(path).splitlines(keepends=True)
    for name in ("geringfuegigkeitsgrenze_m:", "gkv_zusatzbeitrag_pap:"):
        start = lines.index(name + "\n")
        entry = next(i for i in range(start, len(lines)) if "valid_from: 2026-01-01" in lines[i])
        ref = next(i for i in range(entry, len(lines)) if "reference:" in lines[i])
        lines[ref] = lines[ref].rstrip().removesuffix('"') + ' (nicht verifiziert)"\n'
    with using_parameters(parse_parameter_text("elterngeld", "".join(lines), path)):
        yield


def test_elterngeld_of_a_2027_birth_uses_the_verified_2026_minijob_limit_and_zusatzbeitrag(tmp_path: Path) -> None:
    path = _case(tmp_path, date(2027, 3, 1))
    code, out, _ = run("elterngeld", str(path))
    assert code == 0 and json.loads(out)["unverified"] == []  # both confirmed in verify9


def test_elterngeld_of_a_2027_birth_names_unverified_2026_minijob_limit_and_zusatzbeitrag(tmp_path: Path) -> None:
    path = _case(tmp_path, date(2027, 3, 1))
    with elterngeld_2026_marked():
        code, out, _ = run("elterngeld", str(path))
    assert code == 0 and {"elterngeld.geringfuegigkeitsgrenze_m", "elterngeld.gkv_zusatzbeitrag_pap"} <= set(
        json.loads(out)["unverified"])
    with elterngeld_2026_marked():
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
    # the Kindergartenjahr is verified since verify9 (§ 1 Abs. 3 Satz 2 KiBiz); the fee-free limit is still from the press
    assert "bitte prüfen: " in kita and "das Kindergartenjahr beginnt am 1. August" not in kita
    assert "kein Elternbeitrag bis zu diesem Jahresbruttoeinkommen" in kita
    pflege = run("pflege", str(path), "--date", "2026-03-01")[1]
    # Tagespflege: sources conflict for Pflegegrad 2; the 50 € minimum rate of the loan (§ 3 Abs. 5 FPfZG) is
    # verified since verify9 and no longer asked about
    assert "bitte prüfen: Tages- und Nachtpflege" in pflege and "zinsloses Darlehen des BAFzA" not in pflege
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
    with elterngeld_2026_marked():
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
