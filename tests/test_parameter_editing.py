"""Maintainers add dated values through the parameter notebook's widgets, on copies of the files."""

from __future__ import annotations

import difflib
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from tests.maintenance_helpers import copy_rules, fingerprint
from workbench.errors import InvalidValue
from workbench.maintenance import add_value, propose_value, roundtrip
from workbench.parameters import parameter_files, parse_parameter_file
from workbench.ui.maintainers.parameter_editor import ParameterEditor

REFERENCE = "§ 2 Abs. 4 Satz 1 BEEG i. d. F. G v. 01.12.2026, BGBl. 2026 I Nr. 999 (Test)"


@pytest.fixture
def rules(tmp_path: Path) -> Path:
    return copy_rules(tmp_path)


@pytest.fixture(autouse=True)
def official_files_stay_untouched() -> object:
    before = fingerprint()
    yield
    assert fingerprint() == before, "a test changed the repository's params.yaml"


def _fill(editor: ParameterEditor, name: str, valid_from: date | None, value: str, reference: str,
          valid_until: date | None = None, benefit: str = "elterngeld") -> None:
    editor.benefit.value = benefit
    editor.name.value = name
    editor.valid_from.value = valid_from
    editor.valid_until.value = valid_until
    editor.value.value = value
    editor.reference.value = reference


def test_every_parameter_file_is_written_back_byte_for_byte_when_nothing_changed() -> None:
    for path in parameter_files().values():
        text = path.read_text(encoding="utf-8")
        assert roundtrip.dump(roundtrip.load(text)) == text, path


def test_the_parameter_page_adds_a_dated_value_after_showing_the_diff_and_keeps_every_comment(rules: Path) -> None:
    path = rules / "elterngeld" / "params.yaml"
    old = path.read_text(encoding="utf-8")
    editor = ParameterEditor(rules_dir=rules)
    _fill(editor, "basiselterngeld_mindestbetrag_m", date(2027, 1, 1), "350", REFERENCE)
    assert editor.save.disabled
    editor.check.click()
    assert not editor.save.disabled
    assert "+    - valid_from: 2027-01-01" in editor.diff.value and "+      value: 350" in editor.diff.value
    assert path.read_text(encoding="utf-8") == old, "nothing is written before Speichern"

    editor.save.click()
    new = path.read_text(encoding="utf-8")
    # a real diff: the file already holds a 2027 entry (the Minijob limit, verify9), so line membership is not enough
    diff = list(difflib.ndiff(old.splitlines(), new.splitlines()))
    added = [ln[2:] for ln in diff if ln.startswith("+ ")]
    assert added == ["    - valid_from: 2027-01-01", "      value: 350", f'      reference: "{REFERENCE}"']
    assert not [ln for ln in diff if ln.startswith("- ")], "order and comments kept"
    block = new.split("basiselterngeld_mindestbetrag_m:")[1].split("basiselterngeld_hoechstbetrag_m:")[0]
    assert block.endswith(f'reference: "{REFERENCE}"\n\n'), "the new entry sits before the blank line"
    pset = parse_parameter_file("elterngeld", path)
    assert pset.value("basiselterngeld_mindestbetrag_m", date(2026, 12, 31)) == Decimal(300)
    assert pset.value("basiselterngeld_mindestbetrag_m", date(2027, 1, 1)) == Decimal(350)
    assert "Gespeichert" in editor.messages.value and "ab 01.01.2027" in editor.details.value
    assert not list(path.parent.glob(".*.tmp")), "the atomic write leaves no temporary file"


def test_an_entry_without_reference_is_refused_with_a_message_and_nothing_is_written(rules: Path) -> None:
    path = rules / "elterngeld" / "params.yaml"
    old = path.read_text(encoding="utf-8")
    editor = ParameterEditor(rules_dir=rules)
    _fill(editor, "basiselterngeld_mindestbetrag_m", date(2027, 1, 1), "350", "  ")
    editor.check.click()
    assert 'role="alert"' in editor.messages.value
    assert "Bitte die Rechtsquelle angeben" in editor.messages.value
    assert editor.save.disabled and editor.diff.value == ""
    editor.save.click()
    assert path.read_text(encoding="utf-8") == old


@pytest.mark.parametrize("name, valid_from, value, valid_until, message", [
    ("ersatzrate", date(2027, 1, 1), "67", None, "Ein Anteil liegt zwischen 0 und 1"),
    ("basiselterngeld_mindestbetrag_m", date(2027, 1, 1), "vierhundert", None, "ist keine Zahl"),
    ("basiselterngeld_mindestbetrag_m", date(2027, 1, 1), "1.800", None, "ohne Tausenderpunkt"),
    ("basiselterngeld_mindestbetrag_m", date(2027, 1, 1), "300,555", None, "höchstens zwei Nachkommastellen"),
    ("basiselterngeld_mindestbetrag_m", date(2007, 1, 1), "300", None, "hat schon einen Wert ab 2007-01-01"),
    ("basiselterngeld_mindestbetrag_m", None, "300", None, "Bitte das Datum"),
    ("einkommensgrenze", date(2025, 1, 1), "{paar: 180000, allein: 180000}", None, "braucht „gültig bis“ spätestens 2025-03-31"),
    ("einkommensgrenze", date(2027, 1, 1), "{paar: 150000}", None, "dieselben Einträge"),
    ("einkommensgrenze", date(2027, 1, 1), "150000", None, "ist eine Tabelle"),
    ("basiselterngeld_mindestbetrag_m", date(2027, 6, 1), "300", date(2027, 1, 1), "liegt vor"),
])
def test_implausible_entries_are_refused_with_a_message(
        rules: Path, name: str, valid_from: date | None, value: str, valid_until: date | None, message: str) -> None:
    editor = ParameterEditor(rules_dir=rules)
    _fill(editor, name, valid_from, value, REFERENCE, valid_until)
    editor.check.click()
    assert message in editor.messages.value, editor.messages.value
    assert editor.save.disabled


def test_a_value_inside_a_period_the_law_closed_is_refused_as_an_overlap(rules: Path) -> None:
    """§ 39 SGB XI a. F. ended on 30.06.2025 (valid_until kept, ADR 0019): a value from 01.06.2025 overlaps it."""
    editor = ParameterEditor(rules_dir=rules)
    _fill(editor, "verhinderungspflege_y", date(2025, 6, 1), "1700", REFERENCE, None, benefit="pflege")
    editor.check.click()
    assert "überschneidet sich mit dem Wert ab 2025-01-01, der bis 2025-06-30 gilt" in editor.messages.value
    assert editor.save.disabled


def test_messages_come_in_english_too(rules: Path) -> None:
    with pytest.raises(InvalidValue) as caught:
        propose_value("elterngeld", "ersatzrate", date(2027, 1, 1), "67", "", rules_dir=rules)
    assert caught.value.messages("en") == [
        "A share lies between 0 and 1 (67% = 0.67), not 67.",
        "Please name the legal source (e.g. “§ 66 Abs. 1 EStG as amended by …, BGBl. 2026 I No. …”).",
    ]


def test_a_field_changed_after_the_check_withdraws_the_diff(rules: Path) -> None:
    editor = ParameterEditor(rules_dir=rules)
    _fill(editor, "basiselterngeld_mindestbetrag_m", date(2027, 1, 1), "350", REFERENCE)
    editor.check.click()
    editor.value.value = "360"
    assert editor.save.disabled and editor.diff.value == ""


def test_a_table_keeps_its_one_line_form_and_a_closed_gap_can_be_filled_in_order(rules: Path) -> None:
    editor = ParameterEditor(rules_dir=rules)
    editor.benefit.value = "elterngeld"
    editor.name.value = "einkommensgrenze"
    assert editor.value.value == "{paar: 175000, allein: 175000}", "tables start from the last value"
    change = add_value("elterngeld", "einkommensgrenze", date(2027, 1, 1), "{paar: 150000, allein: 150000}",
                       REFERENCE, rules_dir=rules)
    assert "+      value: {paar: 150000, allein: 150000}" in change.diff
    change = add_value("steuer", "grundfreibetrag", date(2027, 1, 1), "12600", REFERENCE, rules_dir=rules)
    pset = parse_parameter_file("steuer", rules / "steuer" / "params.yaml")
    assert pset.value("grundfreibetrag", date(2027, 3, 1)) == Decimal(12600)


def test_a_big_jump_is_saved_only_with_a_visible_note(rules: Path) -> None:
    editor = ParameterEditor(rules_dir=rules)
    _fill(editor, "basiselterngeld_mindestbetrag_m", date(2027, 1, 1), "3000", REFERENCE)
    editor.check.click()
    assert "Änderung um 900 %" in editor.messages.value and not editor.save.disabled


def test_a_file_changed_on_disk_after_the_check_is_not_overwritten(rules: Path) -> None:
    path = rules / "elterngeld" / "params.yaml"
    change = propose_value("elterngeld", "basiselterngeld_mindestbetrag_m", date(2027, 1, 1), "350",
                           REFERENCE, rules_dir=rules)
    edited = path.read_text(encoding="utf-8") + "\n# edited elsewhere\n"
    path.write_text(edited, encoding="utf-8")
    with pytest.raises(InvalidValue, match="inzwischen geändert"):
        change.save()
    assert path.read_text(encoding="utf-8") == edited  # the 350 € were not written


def test_a_new_benefit_folder_appears_in_the_parameter_page_without_code(rules: Path) -> None:
    (rules / "kindergeld").mkdir()
    (rules / "kindergeld" / "params.yaml").write_text(
        '# Kindergeld (Test)\nkindergeld_m:\n  description: "§ 66 Abs. 1 EStG: Kindergeld je Kind"\n'
        '  unit: euro_per_month\n  date_basis: calendar_date\n  values:\n    - valid_from: 2025-01-01\n'
        '      value: 255\n      reference: "§ 66 Abs. 1 EStG i. d. F. G v. 23.12.2024, BGBl. 2024 I Nr. 449"\n',
        encoding="utf-8")
    editor = ParameterEditor(rules_dir=rules)
    assert "kindergeld" in editor.benefit.options
    _fill(editor, "kindergeld_m", date(2026, 1, 1), "259", "§ 66 Abs. 1 EStG (Test)", benefit="kindergeld")
    editor.check.click()
    editor.save.click()
    pset = parse_parameter_file("kindergeld", rules / "kindergeld" / "params.yaml")
    assert pset.value("kindergeld_m", date(2026, 1, 1)) == Decimal(259)
    assert (rules / "kindergeld" / "params.yaml").read_text(encoding="utf-8").startswith("# Kindergeld (Test)\n")


def test_every_problem_and_warning_key_of_the_maintenance_code_has_german_and_english_text() -> None:
    import re

    from workbench.i18n import catalog

    package = Path(__file__).resolve().parents[1] / "workbench"
    keys = {m.group(1) for path in package.rglob("*.py")
            for m in re.finditer(r"""(?:Problem|_problem)\(\s*["'](maint\.[a-z_.]+)["']""", path.read_text(encoding="utf-8"))}
    assert len(keys) > 15
    missing = sorted(k for k in keys if not {"de", "en"} <= set(catalog().get(k, {})))
    assert not missing, missing
