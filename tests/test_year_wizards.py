"""Issue 15: the wizards, run headless through nbclient, answer in 2027, 2028 and before 2025.

One kernel per date runs the real wizard notebooks (Elterngeld, Leistungscheck, Mutterschutz,
Elternzeit, Kita, Pflege, Vorsorge) on a stored case of that date (``?case=``), walks each wizard
with "Weiter" to its result and prints what the page shows. ``WORKBENCH_TODAY`` sets the
consultation day of the topic wizards.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from tests.test_year_walk import walk_case
from workbench.maintenance.paths import advisor_notebooks_dir
from workbench.store import CaseStore

NOTEBOOKS = advisor_notebooks_dir()
WIZARDS = ("elterngeld", "leistungscheck", "mutterschutz", "elternzeit", "kita", "pflege", "vorsorge")

DRIVE = '''
import gc, json
import ipywidgets as w
from workbench.ui.kit.wizard import Wizard

def shown(widget):
    out, stack = [], [widget]
    while stack:
        item = stack.pop(0)
        if isinstance(item, (w.HTML, w.Label)):
            out.append(item.value)
        stack.extend(getattr(item, "children", ()))
    return " ".join(out)

report = {}
for wizard in [o for o in gc.get_objects() if isinstance(o, Wizard)]:
    for _ in range(len(wizard.steps)):
        before = wizard.index
        wizard._on_next()
        if wizard.index == before:
            break
    report[type(wizard).__name__] = {"last": wizard.index == len(wizard.steps) - 1, "page": shown(wizard.widget)}
print("REPORT" + json.dumps(report))
'''


def run_wizards(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, on: date) -> dict[str, dict[str, object]]:
    data = walk_case(on)
    CaseStore().save(data, expected_version=None)  # $WORKBENCH_DATA of this test (conftest)
    nb = nbformat.v4.new_notebook()
    for name in WIZARDS:
        source = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
        nb.cells += [c for c in source.cells if c.cell_type == "code"]
    nb.cells.append(nbformat.v4.new_code_cell(DRIVE))
    monkeypatch.setenv("QUERY_STRING", f"case={data['case_id']}")
    monkeypatch.setenv("WORKBENCH_TODAY", on.isoformat())
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
    out = "".join(o.get("text", "") for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "stream")
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors, errors
    report: dict[str, dict[str, object]] = json.loads(out.split("REPORT", 1)[1])
    assert len(report) == len(WIZARDS), sorted(report)
    for name, page in report.items():
        assert "Fehler W-" not in str(page["page"]) and "Traceback" not in str(page["page"]), name
    return report


def provisional(page: object) -> list[str]:
    return re.findall(r"vorläufig: Werte für (\d{4}) noch nicht hinterlegt – Stand der Werte: ([\d, ]+)", str(page))


def test_the_wizards_in_2027_show_provisional_results(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    report = run_wizards(tmp_path, monkeypatch, date(2027, 3, 1))
    assert all(page["last"] for page in report.values()), {k: v["last"] for k, v in report.items()}
    lc = str(report["LeistungscheckWizard"]["page"])
    assert ("2027", "2026") in provisional(lc) and 'data-provisional="1"' in lc  # Kindergeld card
    assert ("2027", "2025, 2026") in provisional(lc)  # Wohngeld: § 43 WoGG, the 2025 values (and the 2026 tax ones)
    assert ("2027", "2026") in provisional(report["PflegeWizard"]["page"])  # BBG for the Pflegeunterstützungsgeld
    assert provisional(report["ElterngeldWizard"]["page"]) == []  # birth 2027: PAP 2026 is known
    assert "bitte prüfen" in str(report["KitaWizard"]["page"])  # the income limit from the press


def test_the_wizards_in_2028_show_provisional_results(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    report = run_wizards(tmp_path, monkeypatch, date(2028, 9, 1))
    assert all(page["last"] for page in report.values())
    # § 2e Abs. 1 BEEG: a birth in 2028 needs the PAP 2027, which is not entered yet
    assert ("2027", "2026") in provisional(report["ElterngeldWizard"]["page"])
    # § 30 SGB XI: the amounts of 2025 were due for renewal on 1.1.2028; the BBG (for the Pflegeunterstützungsgeld) of 2026
    assert ("2028", "2025, 2026") in provisional(report["PflegeWizard"]["page"])


def test_the_wizards_before_2025_answer_or_name_the_supported_years(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    report = run_wizards(tmp_path, monkeypatch, date(2024, 6, 1))
    elterngeld = report["ElterngeldWizard"]
    assert not elterngeld["last"] and "Unterstützt werden Geburten ab 2025" in str(elterngeld["page"])
    assert "Unterstützt werden Daten ab 2025" in str(report["PflegeWizard"]["page"])
    for name in ("MutterschutzWizard", "ElternzeitWizard", "KitaWizard"):  # their rules go back further
        assert report[name]["last"] and "Unterstützt werden" not in str(report[name]["page"]), name
    assert provisional(str(report)) == []
