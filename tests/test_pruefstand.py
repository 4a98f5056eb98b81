"""The Prüfstand runs every example and reference case and shows pass/fail per rule with the difference."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tests.maintenance_helpers import write_reform
from tests.shared import SHARED
from workbench.maintenance.reformen import load_reform
from workbench.maintenance.pruefstand import run_pruefstand, summarize
from workbench.ui.maintainers.pruefstand_view import PruefstandView

EXAMPLES = SHARED / "examples" / "elterngeld"


def test_with_the_law_in_force_every_check_of_the_40_examples_and_the_reference_cases_passes() -> None:
    checks = run_pruefstand(examples_dir=EXAMPLES)
    cases = {(c.source, c.case_id) for c in checks}
    assert len({c for c in cases if c[0] == "beispiele"}) == 40
    assert any(c[0] == "reference-b3" for c in cases)
    assert [c for c in checks if not c.passed] == []
    rules = {s.rule for s in summarize(checks)}
    assert {"elterngeld.netto", "elterngeld.betrag", "elterngeld.plan.simultaneous_basis"} <= rules


def test_with_the_reform_the_pruefstand_shows_which_examples_break_and_by_how_much(tmp_path: Path) -> None:
    reform = load_reform("mindestbetrag-400", write_reform(tmp_path))
    failed = [c for c in run_pruefstand(reform, examples_dir=EXAMPLES) if not c.passed]
    assert failed and {c.rule for c in failed} == {"elterngeld.betrag"}
    basis = [c for c in failed if c.case_id == "ex-money-006" and c.field == "A.basis_monthly"]
    assert basis and basis[0].difference == Decimal("82.5")  # 317.50 € became the 400 € minimum


def test_the_pruefstand_page_shows_the_summary_and_the_failures_of_a_reform(tmp_path: Path) -> None:
    view = PruefstandView(reformen_dir=write_reform(tmp_path), examples_dir=EXAMPLES)
    view.run.click()
    assert "davon 0 nicht bestanden" in view.output.value and "✓ bestanden" in view.output.value
    view.reform.value = "mindestbetrag-400"
    view.run.click()
    assert "✗ nicht bestanden" in view.output.value and "ex-money-006" in view.output.value


def test_without_examples_the_pruefstand_page_says_where_to_point_it(tmp_path: Path) -> None:
    view = PruefstandView(examples_dir=tmp_path, reference_dir=tmp_path)
    view.run.click()
    assert "WORKBENCH_SHARED" in view.messages.value
