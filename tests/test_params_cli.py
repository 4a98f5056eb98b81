"""`workbench params show|diff|check`: readable output, exit 1 on broken files, exit 2 on bad input, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.maintenance_helpers import copy_rules, write_reform


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "workbench.cli", "params", *args],
                          capture_output=True, text=True, timeout=120)


def test_show_lists_the_benefits_and_the_dated_values_of_a_parameter_with_references() -> None:
    out = run("show")
    assert out.returncode == 0 and "elterngeld:" in out.stdout and "steuer:" in out.stdout
    out = run("show", "steuer", "grundfreibetrag", "--date", "2025-05-01")
    assert out.returncode == 0
    assert " * 01.01.2025 – 31.12.2025: 12.096" in out.stdout and "BMF-Schreiben" in out.stdout
    out = run("show", "elterngeld", "--date", "2026-01-01", "--language", "en")
    assert "basiselterngeld_hoechstbetrag_m = 1,800  [euro_per_month]" in out.stdout


def test_diff_shows_what_the_reform_changes_and_what_the_families_get() -> None:
    out = run("diff", "--reform", "mindestbetrag-400", "--date", "2026-06-15", "--families")
    assert out.returncode == 0, out.stderr
    assert "elterngeld.basiselterngeld_mindestbetrag_m: 300 → 400" in out.stdout
    assert "ohne-einkommen · elterngeld: 3.600,00 € → 4.800,00 € (+1.200,00 €)" in out.stdout


def test_diff_between_two_dates_lists_the_new_years_values() -> None:
    out = run("diff", "--from", "2025-06-15", "--to", "2026-06-15")
    assert out.returncode == 0 and "steuer.grundfreibetrag: 12.096 → 12.348" in out.stdout


def test_check_passes_on_the_repository() -> None:
    out = run("check")
    assert out.returncode == 0 and "gültig" in out.stdout, out.stderr


def test_check_on_a_broken_copy_exits_1_and_names_file_and_parameter(tmp_path: Path) -> None:
    rules = copy_rules(tmp_path)
    path = rules / "elterngeld" / "params.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('      reference: "§ 2 Abs. 4 Satz 1 BEEG (G v. 05.12.2006, BGBl. 2006 I S. 2748)"\n', "", 1),
                    encoding="utf-8")
    out = run("check", "--rules-dir", str(rules), "--reformen-dir", str(tmp_path / "keine-reformen"))
    assert out.returncode == 1
    assert "basiselterngeld_mindestbetrag_m" in out.stderr and "reference" in out.stderr
    assert "1 Problem(e) gefunden" in out.stderr and "Traceback" not in out.stderr


def test_check_finds_a_broken_reform_too(tmp_path: Path) -> None:
    rules = copy_rules(tmp_path)
    reforms = write_reform(tmp_path, "kaputt", "basiselterngeld_mindestbetrag_m:\n  values:\n    - {valid_from: 2026-01-01, value: 400}\n")
    out = run("check", "--rules-dir", str(rules), "--reformen-dir", str(reforms))
    assert out.returncode == 1 and "kaputt" in out.stderr and "reference" in out.stderr


def test_the_former_spellings_draft_and_drafts_dir_still_work_but_the_help_shows_only_the_reformen(tmp_path: Path) -> None:
    reformen = write_reform(tmp_path)
    out = run("diff", "--draft", "mindestbetrag-400", "--drafts-dir", str(reformen), "--date", "2026-06-15")
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("Reformentwurf „mindestbetrag-400“ gegenüber dem geltenden Recht, Werte am 15.06.2026:")
    assert "elterngeld.basiselterngeld_mindestbetrag_m: 300 → 400" in out.stdout
    broken = write_reform(tmp_path / "alt", "kaputt", "basiselterngeld_mindestbetrag_m:\n  values:\n    - {valid_from: 2026-01-01, value: 400}\n")
    out = run("check", "--drafts-dir", str(broken))
    assert out.returncode == 1 and "kaputt" in out.stderr
    shown = run("diff", "--help").stdout
    assert "--reform " in shown and "--reformen-dir" in shown and "--draft" not in shown


def test_bad_input_exits_2_with_a_message_and_no_traceback() -> None:
    for args in (("show", "--date", "2026-13-01"), ("show", "kindergeld"), ("show", "elterngeld", "gibtsnicht"),
                 ("diff",), ("diff", "--reform", "gibt-es-nicht"), ("diff", "--reform", "mindestbetrag-400", "--from", "2026-01-01"),
                 ("frobnicate",)):
        out = run(*args)
        assert out.returncode == 2, (args, out.stdout, out.stderr)
        assert out.stderr.strip() and "Traceback" not in out.stderr, args


def test_check_as_of_15_november_2026_warns_about_the_values_missing_for_2027_and_exits_0() -> None:
    """ADR 0019: from 60 days before 1 January the check lists each yearly parameter with its source."""
    from datetime import date

    from workbench.maintenance.jahreswechsel import due_parameters

    due = due_parameters(date(2026, 11, 15))
    out = run("check", "--date", "2026-11-15")
    assert out.returncode == 0, out.stderr
    assert (f"Jahreswechsel (Stand 15.11.2026): für {len(due)} regelmäßig angepasste Parameter fehlt der Wert "
            "für 2027") in out.stdout
    assert all(f"{d.benefit}.{d.name} " in out.stdout for d in due) and len(due) >= 20
    line = next(x for x in out.stdout.splitlines() if "leistungen.kindergeld_betrag_m" in x)
    assert "Stand 01.01.2026, neuer Wert ab 01.01.2027" in line
    assert "Rechtsgrundlage: § 66 Abs. 1 EStG" in line and "veröffentlicht in: Änderung des § 66 Abs. 1 EStG im BGBl. I" in line
    wohngeld = next(x for x in out.stdout.splitlines() if "wohngeld.koeffizienten" in x)
    assert "Stand 01.01.2025" in wohngeld and "§ 43 WoGG" in wohngeld  # biennial: the 2025 values, due 2027
    assert "pflege.pflegegeld_m" not in out.stdout  # § 30 SGB XI: next Dynamisierung on 1 January 2028
    assert "steuer.grundfreibetrag" in out.stdout and "BMF-Schreiben zum Programmablaufplan" in out.stdout


def test_check_says_nothing_about_the_year_change_before_the_60_days_and_reads_the_day_from_the_environment() -> None:
    assert "Jahreswechsel" not in run("check", "--date", "2026-11-01").stdout  # 61 days before 1 January 2027
    assert "Jahreswechsel (Stand 02.11.2026)" in run("check", "--date", "2026-11-02").stdout
    out = subprocess.run([sys.executable, "-m", "workbench.cli", "params", "check"], capture_output=True, text=True,
                         timeout=120, env={**__import__("os").environ, "WORKBENCH_TODAY": "2027-11-15"})
    assert "Davon überfällig (der neue Wert gilt schon): " in out.stdout and "pflege.pflegegeld_m" in out.stdout
