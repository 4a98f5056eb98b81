"""The Jahreswechsel notebook, run headless with nbclient as of 15.11.2026, adds the 2027 values to a copy of the rules."""

from __future__ import annotations

import difflib
from datetime import date
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from tests.maintenance_helpers import copy_rules, fingerprint
from workbench.maintenance.jahreswechsel import due_parameters
from workbench.maintenance.paths import maintainer_notebook

NOTEBOOK = maintainer_notebook("jahreswechsel.ipynb")
KG_REFERENCE = "§ 66 Abs. 1 EStG i. d. F. eines Testgesetzes v. 01.12.2026, BGBl. 2026 I Nr. 999 (Test, kein geltendes Recht)"
KFB_REFERENCE = "§ 32 Abs. 6 Satz 1 EStG i. d. F. eines Testgesetzes v. 01.12.2026, BGBl. 2026 I Nr. 999 (Test)"

DRIVE = '''
import gc
from workbench.ui.maintainers.jahreswechsel_view import JahreswechselView
view = next(o for o in gc.get_objects() if isinstance(o, JahreswechselView))
print("DUE", len(view.rows), "caption" in view.overview.value or view.overview.value[:120])
kg = view.row("leistungen", "kindergeld_betrag_m")
print("FACTS", kg.facts.value)
kg.value.value = "265"
kg.reference.value = {kg!r}
kfb = view.row("leistungen", "kinderfreibetrag_saechlich_y")
kfb.value.value = "3500"
kfb.reference.value = {kfb!r}
view.check.click()
print("SAVE_ENABLED", not view.save.disabled)
print("DIFF", view.diff.value)
print("CHANGES", view.changes.value)
view.save.click()
print("MESSAGE", view.messages.value)
print("DUE_AFTER", len(view.rows))
'''


def _outputs(nb: nbformat.NotebookNode) -> str:
    return "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []))


def test_the_notebook_lists_the_missing_2027_values_shows_diff_and_changes_and_saves_them(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = fingerprint()
    rules = copy_rules(tmp_path)
    path = rules / "leistungen" / "params.yaml"
    old = path.read_text(encoding="utf-8")
    due = len(due_parameters(date(2026, 11, 15), rules))
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(DRIVE.format(kg=KG_REFERENCE, kfb=KFB_REFERENCE)))
    monkeypatch.setenv("WORKBENCH_RULES_DIR", str(rules))  # the kernel inherits this process's environment
    monkeypatch.setenv("WORKBENCH_TODAY", "2026-11-15")
    NotebookClient(nb, timeout=180, kernel_name="python3",
                   resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    out = _outputs(nb)
    assert f"DUE {due} " in out and due >= 20  # the yearly and biennial parameters without a 2027 value
    assert "letzter Wert 259 ab 01.01.2026; neuer Wert ab 01.01.2027" in out
    assert "Veröffentlicht in: Änderung des § 66 Abs. 1 EStG im BGBl. I" in out
    assert "SAVE_ENABLED True" in out
    assert "+    - valid_from: 2027-01-01" in out and "+      value: 265" in out  # the diff before saving
    # was ändert sich: Kindergeld of every example family, provisional 259 € against the new 265 €
    assert "259,00 €</td><td class=\"wb-num\">265,00 €</td><td class=\"wb-num\">+6,00 €" in out
    assert "2 Wert(e) gespeichert" in out and f"DUE_AFTER {due - 2}" in out
    new = path.read_text(encoding="utf-8")
    # a real diff: since verify9 the file already holds a 2027 entry (the Minijob limit), so "lines not in old" missed some
    added = [ln[2:] for ln in difflib.ndiff(old.splitlines(), new.splitlines()) if ln.startswith("+ ")]
    assert added == ["    - valid_from: 2027-01-01", "      value: 265", f'      reference: "{KG_REFERENCE}"',
                     "    - valid_from: 2027-01-01", "      value: 3500", f'      reference: "{KFB_REFERENCE}"']
    assert [ln for ln in new.splitlines() if ln.lstrip().startswith("#")] == \
        [ln for ln in old.splitlines() if ln.lstrip().startswith("#")], "comments kept"
    assert fingerprint() == before, "the repository's params.yaml stayed untouched"
