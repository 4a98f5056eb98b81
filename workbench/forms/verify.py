"""Reading a filled form back with pdfplumber: field values, and the overlay text inside its cells.

Used by the tests and by anyone who wants proof that a PDF holds what the case says.
"""

from __future__ import annotations

import io
from typing import Any

import pdfplumber
from pdfminer.psparser import PSLiteral
from pdfplumber.utils.pdfinternals import resolve, resolve_and_decode

from workbench.forms.overlay import Box, Placement


def _decoded(value: Any) -> str:
    raw = resolve(value)
    if isinstance(raw, PSLiteral):  # a PDF name such as /1 or /Ja
        name = raw.name.decode("latin-1") if isinstance(raw.name, bytes) else str(raw.name)
        return "/" + name
    return str(resolve_and_decode(raw))


def read_fields(pdf_bytes: bytes) -> dict[str, str]:
    """Every field with a value: qualified name → text, or ``/State`` of a checkbox or radio."""
    out: dict[str, str] = {}
    with pdfplumber.open(io.BytesIO(pdf_bytes)) as pdf:
        acroform = pdf.doc.catalog.get("AcroForm")
        if acroform is None:
            return out

        def walk(node: Any, prefix: str) -> None:
            node = resolve(node)
            name = node.get("T")
            full = prefix
            widget = isinstance(node.get("Subtype"), PSLiteral) and _decoded(node.get("Subtype")) == "/Widget"
            part = _decoded(name) if name is not None else ""
            if part and not (widget and prefix.endswith(part)):  # a widget repeating its field's name
                full = f"{prefix}.{part}" if prefix else part
            value = node.get("V")
            if value is not None and full:
                shown = _decoded(value)
                if shown not in ("", "/Off"):
                    out[full] = shown
            for kid in resolve(node.get("Kids") or []):
                walk(kid, full)

        for field in resolve(resolve(acroform).get("Fields") or []):
            walk(field, "")
    return out


def overlay_text(pdf_bytes: bytes, placement: Placement, font: str = "DejaVu") -> str:
    """The text written in ``font`` inside the placement's cells (comb cells joined)."""
    with pdfplumber.open(io.BytesIO(pdf_bytes)) as pdf:
        page = pdf.pages[placement.page - 1]
        parts = []
        for cell in placement.cells:
            chars = [c for c in page.chars if font in c["fontname"] and cell.contains(_box(c))]
            chars.sort(key=lambda c: c["x0"])
            parts.append("".join(c["text"] for c in chars))
        return "".join(parts)


def overlay_chars(pdf_bytes: bytes, page_number: int, font: str = "DejaVu") -> list[Box]:
    """Every character the overlay wrote on a page, as boxes."""
    with pdfplumber.open(io.BytesIO(pdf_bytes)) as pdf:
        return [_box(c) for c in pdf.pages[page_number - 1].chars if font in c["fontname"]]


def _box(char: dict[str, Any]) -> Box:
    return Box(char["x0"], char["top"], char["x1"], char["bottom"])


def page_text(pdf_bytes: bytes) -> str:
    """The extracted text of every page (a flattened form's values are in it)."""
    with pdfplumber.open(io.BytesIO(pdf_bytes)) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)
