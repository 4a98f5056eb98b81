"""The parameter notebook itself, run headless with nbclient, adds a dated value to a copy of the rules."""

from __future__ import annotations

import difflib
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from tests.maintenance_helpers import copy_rules, fingerprint
from workbench.maintenance.paths import maintainers_dir

NOTEBOOK = maintainers_dir() / "parameter.ipynb"
REFERENCE = "§ 2 Abs. 4 Satz 1 BEEG i. d. F. G v. 01.12.2026, BGBl. 2026 I Nr. 999 (Test)"

DRIVE = '''
import gc, datetime
from workbench.ui.maintainers.parameter_editor import ParameterEditor
editor = next(o for o in gc.get_objects() if isinstance(o, ParameterEditor))
editor.benefit.value = "elterngeld"
editor.name.value = "basiselterngeld_mindestbetrag_m"
editor.valid_from.value = datetime.date(2027, 1, 1)
editor.value.value = "350"
editor.reference.value = {reference!r}
editor.check.click()
print("SAVE_ENABLED", not editor.save.disabled)
editor.save.click()
print("MESSAGE", editor.messages.value)
'''

REFUSE = '''
editor.valid_from.value = datetime.date(2028, 1, 1)
editor.value.value = "360"
editor.reference.value = " "
editor.check.click()
print("REFUSED", editor.save.disabled, editor.messages.value)
'''


def _outputs(nb: nbformat.NotebookNode) -> str:
    return "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []))


def test_the_notebook_adds_a_value_keeps_the_comments_and_refuses_an_entry_without_reference(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = fingerprint()
    rules = copy_rules(tmp_path)
    path = rules / "elterngeld" / "params.yaml"
    old = path.read_text(encoding="utf-8")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(DRIVE.format(reference=REFERENCE)))
    nb.cells.append(nbformat.v4.new_code_cell(REFUSE))
    monkeypatch.setenv("WORKBENCH_RULES_DIR", str(rules))  # the kernel inherits this process's environment
    NotebookClient(nb, timeout=180, kernel_name="python3",
                   resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    out = _outputs(nb)
    assert "SAVE_ENABLED True" in out and "Gespeichert" in out
    new = path.read_text(encoding="utf-8")
    # a real diff: the file already holds a 2027 entry (the Minijob limit, verify9)
    added = [ln[2:] for ln in difflib.ndiff(old.splitlines(), new.splitlines()) if ln.startswith("+ ")]
    assert added == ["    - valid_from: 2027-01-01", "      value: 350", f'      reference: "{REFERENCE}"']
    assert [ln for ln in new.splitlines() if ln.lstrip().startswith("#")] == \
        [ln for ln in old.splitlines() if ln.lstrip().startswith("#")], "comments kept"
    assert "REFUSED True" in out and "Bitte die Rechtsquelle angeben" in out
    assert fingerprint() == before, "the repository's params.yaml stayed untouched"
