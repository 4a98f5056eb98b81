"""fillpdf against pypdf on the official blanks (ADR 0007): fields filled, read-back, flatten, appearance.

    python benchmarks/forms_libraries.py [--forms-dir DIR] [--out DIR]

For each AcroForm map of ``workbench/templates/forms`` the script takes the values the workbench writes for
the test family (``tests/forms/familie_mueller.json``) and fills the blank

- with **pypdf** through the workbench (``workbench.forms.fill.fill_acroform``), and
- with **fillpdf** (``fillpdfs.write_fillable_pdf``) on the same blank, first as it is and then
  after decrypting it (fillpdf's pdfrw cannot decrypt), and ``fillpdfs.flatten_pdf``.

It reports per form and library: fields written (the mapped fields whose value reads back with
pdfplumber exactly as given), whether the widgets carry their own appearance (``/AP /N`` stream of
a filled text field holding the value) or rely on ``NeedAppearances``, and after flattening
whether the page text (pdfplumber ``extract_text``) holds the text values and no field is left.
The filled files and ``pdftoppm`` page images go to ``--out`` (default ``/tmp/forms-libraries``)
for a look at how poppler draws them.

fillpdf is only in the optional extra ``forms-compare`` (it pulls in PyMuPDF, AGPL); without it
the script measures pypdf alone and says how to install fillpdf.
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import subprocess
import sys
import time
import traceback
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pypdf import PdfReader  # noqa: E402

from workbench.case import load_case  # noqa: E402
from workbench.forms.blanks import load_blank  # noqa: E402
from workbench.forms.fill import fill_acroform  # noqa: E402
from workbench.forms.values import field_values  # noqa: E402
from workbench.forms.registry import all_maps  # noqa: E402
from workbench.forms.sources import case_data, roles_for  # noqa: E402
from workbench.forms.verify import page_text, read_fields  # noqa: E402
from workbench.maintenance.paths import shared_dir  # noqa: E402


def _own_appearance(pdf: bytes, values: dict[str, str]) -> tuple[int, int, bool]:
    """(text fields whose /AP /N stream contains the value, text fields checked, NeedAppearances set).

    Only plain ASCII values of non-comb fields are checked (comb cells are drawn one character at a time).
    An /AP that is not a dictionary (fillpdf writes the value there as a string) counts as none.
    """
    reader = PdfReader(io.BytesIO(pdf))
    acroform = reader.trailer["/Root"].get("/AcroForm")
    flag = acroform.get_object().get("/NeedAppearances") if acroform is not None else None
    need = str(flag).lower() == "true"
    fields = reader.get_fields() or {}
    checked = hits = 0
    for name, value in values.items():
        if value.startswith("/") or not value.isascii() or name not in fields:
            continue
        checked += 1
        widgets = [fields[name].indirect_reference.get_object()] if fields[name].indirect_reference else []
        widgets += [k.get_object() for k in fields[name].get("/Kids", ()) or ()]
        for widget in widgets:
            ap = widget.get("/AP")
            ap = ap.get_object() if ap is not None else None
            normal = ap.get("/N") if isinstance(ap, dict) else None
            if normal is not None and hasattr(normal.get_object(), "get_data"):
                if value.encode("latin-1", "ignore")[:6] in normal.get_object().get_data():
                    hits += 1
                    break
    return hits, checked, need


def _readback(pdf: bytes, values: dict[str, str]) -> int:
    # the federal form nests fields named "txt.x" under a parent "txt"; pypdf and the map call them "txt.x"
    read = {name.replace("txt.txt.", "txt."): value for name, value in read_fields(pdf).items()}
    return sum(1 for name, value in values.items() if read.get(name) == value)


def _flat_text(pdf: bytes, values: dict[str, str]) -> tuple[int, int, int]:
    text = " ".join(page_text(pdf).split())
    texts = [v for v in values.values() if not v.startswith("/") and len(v) > 3]
    return sum(1 for v in texts if v in text), len(texts), len(read_fields(pdf))


def _render(pdf: Path) -> None:
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "3", str(pdf), str(pdf.with_suffix(""))],
                       check=False, capture_output=True)


def _fillpdf() -> Any:
    try:
        from fillpdf import fillpdfs  # type: ignore[import-not-found]
    except Exception as error:  # noqa: BLE001 - any import problem means "not available"
        print(f"fillpdf not available ({type(error).__name__}: {error}); install it with "
              f"pip install '.[forms-compare]' to compare. Measuring pypdf alone.\n")
        return None
    return fillpdfs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    shared = shared_dir()  # $WORKBENCH_SHARED, else ../shared beside the checkout (the tests' lookup too)
    parser.add_argument("--forms-dir", type=Path, default=shared / "forms" if shared else None, required=shared is None)
    parser.add_argument("--out", type=Path, default=Path("/tmp/forms-libraries"))
    args = parser.parse_args()
    os.environ["WORKBENCH_FORMS_DIR"] = str(args.forms_dir)
    args.out.mkdir(parents=True, exist_ok=True)
    fillpdfs = _fillpdf()
    case = load_case(ROOT / "tests" / "forms" / "familie_mueller.json")
    data = case_data(case)
    rows = []
    for form in all_maps().values():
        if form.kind != "acroform":
            continue
        blank = load_blank(form)
        child = None if form.part_of is None else case.household.children[0].id
        values = field_values(form, case, data, roles_for(case, None, child, form.kids), date(2026, 4, 20)).values
        n = len(values)
        combs = {spec.field for spec in form.fields if spec.comb or spec.max_length}
        plain = {name: value for name, value in values.items() if name not in combs}
        start = time.perf_counter()
        filled = fill_acroform(blank, values)
        seconds = time.perf_counter() - start
        flat = fill_acroform(blank, values, flatten=True)
        (args.out / f"{form.id}-pypdf.pdf").write_bytes(filled)
        (args.out / f"{form.id}-pypdf-flat.pdf").write_bytes(flat)
        _render(args.out / f"{form.id}-pypdf.pdf")
        hits, checked, need = _own_appearance(filled, plain)
        found, texts, left = _flat_text(flat, plain)
        rows.append((form.id, "pypdf 7.1.0", f"{_readback(filled, values)}/{n}", f"{hits}/{checked}",
                     "yes" if need else "no", f"{found}/{texts}", str(left), f"{seconds:.2f}"))
        if fillpdfs is None:
            continue
        original = args.out / f"{form.id}-original.pdf"
        shutil.copy(blank.path, original)
        decrypted = args.out / f"{form.id}-decrypted.pdf"
        decrypted.write_bytes(blank.data)  # the workbench's normalised copy: no password, no XFA
        for label, source in (("fillpdf 0.7.3 (blank as is)", original), ("fillpdf 0.7.3 (decrypted)", decrypted)):
            target = args.out / f"{form.id}-fillpdf-{source.stem.rsplit('-', 1)[1]}.pdf"
            flat_target = target.with_name(target.stem + "-flat.pdf")
            try:
                start = time.perf_counter()
                fillpdfs.write_fillable_pdf(str(source), str(target), dict(values), flatten=False)
                seconds = time.perf_counter() - start
                out = target.read_bytes()
                hits, checked, need = _own_appearance(out, plain)
                fillpdfs.flatten_pdf(str(target), str(flat_target), as_images=False)
                found, texts, left = _flat_text(flat_target.read_bytes(), plain)
                _render(target)
                rows.append((form.id, label, f"{_readback(out, values)}/{n}", f"{hits}/{checked}",
                             "yes" if need else "no", f"{found}/{texts}", str(left), f"{seconds:.2f}"))
            except Exception as error:  # noqa: BLE001 - a crash is a result here
                last = traceback.format_exception_only(type(error), error)[-1].strip()
                rows.append((form.id, label, f"crash: {last[:70]}", "–", "–", "–", "–", "–"))
    header = ("form", "library", "read back", "own /AP", "NeedAppearances", "flat text", "fields left", "fill s")
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    print("| " + " | ".join(h.ljust(w) for h, w in zip(header, widths)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in rows:
        print("| " + " | ".join(str(c).ljust(w) for c, w in zip(row, widths)) + " |")
    print(f"\nfiles and page images: {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
