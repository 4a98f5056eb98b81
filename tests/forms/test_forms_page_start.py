"""Issue 23: the forms page's kernel starts without the PDF libraries.

pypdf, fpdf and pdfplumber take about half a second to import and a few MiB per kernel; the page
needs them only when a form is made (``workbench.forms.produce.produce``), not to show which forms
fit the case and what is missing. Run in a fresh interpreter: the test process has them loaded.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PDF_LIBRARIES = ("pypdf", "fpdf", "pdfplumber", "pdfminer")

SCRIPT = """
import json, sys
from tests.memory_store import MemoryStore
from workbench.case import load_case
from workbench.ui.pages.formulare import FormsWizard

case = load_case(json.loads(open(sys.argv[1], encoding="utf-8").read()))
store = MemoryStore()
store.save(case.model_dump(mode="json", exclude_none=True), expected_version=None)
page = FormsWizard(store, "de", case.case_id)
page.open_case(case.case_id)
offered = [value for _, value in page.form_choice.options]
loaded = sorted({name.split(".")[0] for name in sys.modules} & set(sys.argv[2].split(",")))
print(json.dumps({"offered": offered, "loaded": loaded}))
page.form_choice.value = "kg1"
page.fill()
made = sorted({name.split(".")[0] for name in sys.modules} & set(sys.argv[2].split(",")))
print(json.dumps({"made": made}))
"""


def test_the_forms_page_shows_the_offer_without_loading_a_pdf_library() -> None:
    family = ROOT / "tests" / "cases" / "familien" / "zwillinge.json"
    run = subprocess.run([sys.executable, "-c", SCRIPT, str(family), ",".join(PDF_LIBRARIES)], cwd=ROOT,
                         capture_output=True, text=True, timeout=120, check=True)
    first, second = (json.loads(line) for line in run.stdout.strip().splitlines()[-2:])
    assert "kg1" in first["offered"]
    assert first["loaded"] == []
    assert "pypdf" in second["made"]  # making the form loads them: the test sees the libraries it looks for
