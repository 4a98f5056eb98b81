"""Filling AcroForm blanks with pypdf: values, checkboxes and radios with the form's own on-states.

pypdf writes each value with a real appearance stream (``auto_regenerate=False``: no
NeedAppearances, so every viewer shows the value, MuPDF included) and draws comb fields into
their cells. ``flatten=True`` draws the values into the page content and removes the fields.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from typing import Any

from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, NumberObject, TextStringObject

from workbench.case import Case
from workbench.forms.blanks import Blank
from workbench.forms.glyphs import draw_texts, font_chars
from workbench.forms.registry import FieldSpec, FormMap
from workbench.forms.sources import Missing, Roles, format_value, resolve_specs, ticks


@dataclass(frozen=True)
class FieldValues:
    """What a map puts into its fields for one case: text per field, on-state per ticked box, and what is missing."""

    values: dict[str, str]
    missing: list[Missing]


def field_values(form: FormMap, case: Case, data: dict[str, Any], roles: Roles, today: date,
                 language: str = "de") -> FieldValues:
    """The value of every mapped field (text, or the on-state name of a ticked checkbox/radio)."""
    values: dict[str, str] = {}
    complete, missing = resolve_specs(form.fields, case, data, roles, today, language)
    for spec, found in complete:
        state = _button_state(spec, found[0])
        if spec.checkbox or spec.radio:
            if state is not None:
                values[spec.field] = state
            continue
        shown = format_value(spec.format, found)
        if shown:
            values[spec.field] = shown
    return FieldValues(values, missing)


def _button_state(spec: FieldSpec, value: Any) -> str | None:
    if spec.checkbox:
        return spec.checkbox if ticks(value, spec.equals) else None
    if spec.radio:
        return spec.radio.get(str(value))
    return None


COMB = 1 << 24  # field flag bit 25: comb (PDF 32000-1, 12.7.4.3)


def fill_acroform(blank: Blank, values: dict[str, str], flatten: bool = False,
                  max_lengths: dict[str, int] | None = None) -> bytes:
    """The blank with ``values`` set (text as is, checkboxes/radios as ``/State`` names); optionally flattened.

    Flattening draws every field of the page (empty boxes too, as the blank shows them) into the
    page content and removes the fields; push buttons (Drucken, Speichern) are dropped.
    ``max_lengths`` gives comb fields whose blank lacks ``/MaxLen`` their number of cells.
    """
    writer = PdfWriter(clone_from=blank.reader())
    if max_lengths:
        _set_max_lengths(writer, max_lengths)
    drawn: list[tuple[int, list[float], str]] = []
    combs: dict[int, int] = {}
    # comb fields of the blank that lack a cell count pypdf can find: pypdf does not space them, we draw them
    own_combs = {name: cells for name, cells in (max_lengths or {}).items()
                 if name in blank.fields and blank.fields[name].comb}
    for index, page in enumerate(writer.pages):
        names = _page_field_names(page)
        page_fields = {name: value for name, value in values.items() if name in names}
        if flatten:
            for name, rect in _unprintable(writer, page, page_fields, set(own_combs)):
                if name in own_combs:
                    combs[len(drawn)] = own_combs[name]
                drawn.append((index, rect, page_fields[name]))
                page_fields[name] = ""
        if flatten:
            for name in names:
                info = blank.fields.get(name)
                if name in page_fields or info is None:
                    continue
                if info.kind == "/Btn" and info.states:
                    page_fields[name] = "/Off"
                elif info.kind == "/Tx":
                    page_fields[name] = ""
        if page_fields:
            writer.update_page_form_field_values(page, page_fields, auto_regenerate=False, flatten=flatten)
    if flatten:
        writer.remove_annotations(subtypes="/Widget")
        if drawn:
            sizes = [(float(p.mediabox.width), float(p.mediabox.height)) for p in writer.pages]
            overlay = PdfReader(io.BytesIO(draw_texts(len(sizes), sizes, drawn, combs)))
            for index in {i for i, _, _ in drawn}:
                writer.pages[index].merge_page(overlay.pages[index])
        if "/AcroForm" in writer._root_object:
            del writer._root_object[NameObject("/AcroForm")]
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _unprintable(writer: PdfWriter, page: Any, values: dict[str, str],
                 combs: set[str] = frozenset()) -> list[tuple[str, list[float]]]:  # type: ignore[assignment]
    """Text fields on the page that pypdf cannot draw right, with their rect: characters the field's font
    lacks, and comb fields whose blank lacks the cell count (``combs``: drawn by us, one digit per cell)."""
    out: list[tuple[str, list[float]]] = []
    for annotation in page.get("/Annots") or ():
        obj = annotation.get_object()
        name = _qualified_name(obj)
        value = values.get(name)
        if not value or value.startswith("/"):
            continue
        chars = font_chars(writer, obj)
        if name in combs or (chars is not None and any(c not in chars for c in value)):
            out.append((name, [float(x) for x in obj["/Rect"]]))
    return out


def unprintable_fields(blank: Blank, values: dict[str, str], combs: set[str] = frozenset()) -> list[str]:  # type: ignore[assignment]
    """Names of fields pypdf cannot draw right in an unflattened copy (a note for the advisor)."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(blank.data)))
    return [name for page in writer.pages for name, _ in _unprintable(writer, page, values, combs)]


def _set_max_lengths(writer: PdfWriter, max_lengths: dict[str, int]) -> None:
    """Give comb fields whose blank lacks it their cell count (/MaxLen) and the comb flag, as pypdf matches fields."""
    for page in writer.pages:
        for annotation in page.get("/Annots") or ():
            obj = annotation.get_object()
            if obj.get("/Subtype") != "/Widget":
                continue
            field = obj if ("/FT" in obj and "/T" in obj) else obj.get("/Parent", obj).get_object()
            name = writer._get_qualified_field_name(parent=field)
            cells = max_lengths.get(name) or max_lengths.get(str(field.get("/T", "")))
            if cells:
                for target in (obj, field):
                    target[NameObject("/MaxLen")] = NumberObject(cells)
                    target[NameObject("/Ff")] = NumberObject(int(target.get("/Ff", 0)) | COMB)


def _qualified_name(obj: Any) -> str:
    parts: list[str] = []
    node: Any = obj
    while node is not None:
        if "/T" in node:
            parts.append(str(node["/T"]))
        parent = node.get("/Parent")
        node = parent.get_object() if parent is not None else None
    return ".".join(reversed(parts))


def _page_field_names(page: Any) -> set[str]:
    names: set[str] = set()
    for annotation in page.get("/Annots") or ():
        obj = annotation.get_object()
        if obj.get("/Subtype") == "/Widget":
            names.add(_qualified_name(obj))
    return names


def rename_root(data: bytes, suffix: str) -> bytes:
    """The same filled form with every top-level field renamed ``<name>-<suffix>`` (several copies in one PDF)."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    acroform = writer._root_object.get("/AcroForm")
    if acroform is not None:
        for field in acroform.get_object().get("/Fields", ()):
            obj = field.get_object()
            if "/T" in obj:
                obj[NameObject("/T")] = TextStringObject(f"{obj['/T']}-{suffix}")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def concatenate(parts: list[bytes]) -> bytes:
    """Several PDFs one after the other, form fields included (their names must differ)."""
    if len(parts) == 1:
        return parts[0]
    writer = PdfWriter()
    for part in parts:
        writer.append(PdfReader(io.BytesIO(part)))
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
