"""A reform stays beside the official files, is seen only in its scope, and "was ändert sich" shows its effect."""

from __future__ import annotations

import threading
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from tests.maintenance_helpers import copy_rules, fingerprint, write_reform
from workbench.errors import InvalidValue, ParameterError
from workbench.maintenance.changes import Setting, compare
from workbench.maintenance.reformen import load_reform, reform_names
from workbench.maintenance.families import Family, benefits_without_evaluator, evaluated_benefits, load_families
from workbench.parameters import parameters, using_parameters
from workbench.ui.maintainers.changes_view import ChangesView

BIRTH_2026 = date(2026, 6, 15)
MINIMUM = "basiselterngeld_mindestbetrag_m"


def _family(family_id: str) -> list[Family]:
    return [f for f in load_families() if f.id == family_id]


def test_a_parent_without_income_gets_12_times_100_euro_more_with_a_minimum_of_400_euro(tmp_path: Path) -> None:
    # Hand check: no income before the birth gives the minimum, § 2 Abs. 4 BEEG:
    # 12 Basis months × 300 € = 3,600 €; with the reform 12 × 400 € = 4,800 €: 1,200 € more.
    before = fingerprint()
    reform = load_reform("mindestbetrag-400", write_reform(tmp_path))
    rows = compare(Setting(BIRTH_2026), Setting(BIRTH_2026, reform), _family("ohne-einkommen"), ["elterngeld"])
    assert [(r.before, r.after, r.difference) for r in rows] == [(Decimal(3600), Decimal(4800), Decimal(1200))]
    assert fingerprint() == before, "the reform is never written into the official files"


def test_births_before_the_reforms_date_keep_the_law_in_force(tmp_path: Path) -> None:
    reform = load_reform("mindestbetrag-400", write_reform(tmp_path))
    rows = compare(Setting(date(2025, 6, 15)), Setting(date(2025, 6, 15), reform), _family("ohne-einkommen"), ["elterngeld"])
    assert rows[0].difference == 0


def test_the_reform_is_seen_only_inside_its_scope_and_never_by_another_thread(tmp_path: Path) -> None:
    reform = load_reform("mindestbetrag-400", write_reform(tmp_path))
    official = parameters("elterngeld")
    seen_elsewhere: list[Decimal] = []
    with reform.applied():
        assert official.value(MINIMUM, BIRTH_2026) == Decimal(400)
        assert official.value(MINIMUM, date(2025, 12, 31)) == Decimal(300)
        worker = threading.Thread(target=lambda: seen_elsewhere.append(official.value(MINIMUM, BIRTH_2026)))
        worker.start()
        worker.join()
    assert seen_elsewhere == [Decimal(300)]
    assert official.value(MINIMUM, BIRTH_2026) == Decimal(300), "the memo of the official set holds no reform value"


def test_the_scope_ends_also_when_the_block_fails(tmp_path: Path) -> None:
    reform = load_reform("mindestbetrag-400", write_reform(tmp_path))
    with pytest.raises(RuntimeError), using_parameters(*reform.sets.values()):
        raise RuntimeError("boom")
    assert parameters("elterngeld").value(MINIMUM, BIRTH_2026) == Decimal(300)


def test_the_changes_page_shows_the_difference_of_the_reform_as_table_and_chart(tmp_path: Path) -> None:
    view = ChangesView(reformen_dir=write_reform(tmp_path))
    view.mode.value = "reform"
    view.first.value = BIRTH_2026
    view.run.click()
    found = {(r.family.id, r.benefit): r.difference for r in view.rows}
    assert found[("ohne-einkommen", "elterngeld")] == Decimal(1200)
    assert found[("zwillinge-ohne-einkommen", "elterngeld")] == Decimal(1200)
    assert found[("angestellt-3000", "elterngeld")] == 0
    assert found[("ohne-einkommen", "steuer")] == 0
    assert "+1.200,00 €" in view.output.value and 'class="wb-bars"' in view.output.value
    assert "Reformentwurf „mindestbetrag-400“ am 15.06.2026" in view.output.value


def test_two_dates_show_the_new_years_tax_and_name_the_supported_years_before_the_first_values() -> None:
    rows = compare(Setting(date(2025, 6, 15)), Setting(date(2026, 6, 15)), _family("angestellt-3000"))
    by_benefit = {r.benefit: r for r in rows}
    assert by_benefit["steuer"].difference is not None and by_benefit["steuer"].difference < 0
    # ADR 0019: after the last values the newest ones answer (provisionally); nothing is refused
    rows = compare(Setting(date(2026, 6, 15)), Setting(date(2028, 6, 15)), _family("angestellt-3000"))
    assert all(r.difference is not None for r in rows), [(r.benefit, r.problem) for r in rows]
    # before the first values the row names the supported years in German
    rows = compare(Setting(date(2024, 6, 15)), Setting(date(2026, 6, 15)), _family("angestellt-3000"))
    problems = {r.benefit: r.problem for r in rows if r.difference is None}
    assert "Unterstützt werden Geburten ab 2025" in problems["elterngeld"]
    assert all("Unterstützt werden" in p for p in problems.values()) and "mutterschutz" not in problems


def test_the_changes_page_refuses_an_unknown_reform_and_missing_dates_with_a_message(tmp_path: Path) -> None:
    view = ChangesView(reformen_dir=tmp_path / "none")
    view.mode.value = "reform"
    view.run.click()
    assert "noch keinen Reformentwurf" in view.messages.value
    view.mode.value = "dates"
    view.second.value = None
    view.run.click()
    assert "Bitte die Stichtage angeben" in view.messages.value


def test_a_reform_with_an_unknown_benefit_or_without_values_is_refused(tmp_path: Path) -> None:
    folder = write_reform(tmp_path, "kaputt", "basiselterngeld_mindestbetrag_m:\n  value: 400\n")
    with pytest.raises(ParameterError, match="values"):
        load_reform("kaputt", folder)
    (folder / "kaputt" / "elterngeld.yaml").unlink()
    (folder / "kaputt" / "kindergeld.yaml").write_text("x: 1\n", encoding="utf-8")
    with pytest.raises(ParameterError, match="kindergeld"):
        load_reform("kaputt", folder)
    with pytest.raises(InvalidValue, match="keinen Reformentwurf"):
        load_reform("gibt-es-nicht", folder)


def test_a_reform_can_add_a_new_parameter_only_with_description_and_unit(tmp_path: Path) -> None:
    rules = copy_rules(tmp_path)
    folder = write_reform(tmp_path, "neu", 'neuer_betrag_m:\n  values:\n    - {valid_from: 2026-01-01, value: 5, reference: "Entwurf (Test)"}\n')
    with pytest.raises(ParameterError, match="description"):
        load_reform("neu", folder, rules)
    (folder / "neu" / "elterngeld.yaml").write_text(
        'neuer_betrag_m:\n  description: "§ 99 BEEG-E: ein neuer Betrag"\n  unit: euro_per_month\n'
        '  values:\n    - {valid_from: 2026-01-01, value: 5, reference: "Entwurf (Test)"}\n', encoding="utf-8")
    assert load_reform("neu", folder, rules).changed == {"elterngeld": ("neuer_betrag_m",)}


def test_the_repository_ships_the_example_reform_and_every_benefit_with_params_has_an_evaluator() -> None:
    assert "mindestbetrag-400" in reform_names()
    # Elternzeit and the Antragsmappe have dates, no amounts; Neu in Bochum has entitlement tables and dates
    # (ADR 0036); Kita, Pflege and Vorsorge have no example-family evaluator (the example families are
    # Elterngeld households): "was ändert sich" lists them as not compared (ADR 0011).
    assert {"elterngeld", "mutterschutz", "steuer", "kinderzuschlag", "wohngeld"} <= set(evaluated_benefits())
    assert set(benefits_without_evaluator()) <= {"antragsmappe", "elternzeit", "kita", "pflege", "vorsorge", "zuzug"}
