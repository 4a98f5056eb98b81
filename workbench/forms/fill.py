"""Filling AcroForm blanks with pypdf: values, checkboxes and radios with the form's own on-states.

pypdf writes each value with a real appearance stream (``auto_regenerate=False``: no
NeedAppearances, so every viewer shows the value, MuPDF included) and draws comb fields into
their cells. ``flatten=True`` draws the values into the page content and removes the fields.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any, cast

from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, DecodedStreamObject, FloatObject, DictionaryObject, NameObject, NumberObject, RectangleObject, TextStringObject

from workbench.forms.blanks import Blank
from workbench.forms.combs import fit_widget, repair_da
from workbench.forms.fitting import Overflow, fit_page
from workbench.forms.glyphs import da_size, draw_texts, font_chars, inherited


COMB = 1 << 24  # field flag bit 25: comb (PDF 32000-1, 12.7.4.3)


def fill_acroform(blank: Blank, values: dict[str, str], flatten: bool = False,
                  max_lengths: dict[str, int] | None = None, overflow: list[Overflow] | None = None) -> bytes:
    """The PDF of :func:`fill_writer`: the blank with ``values`` set, optionally flattened."""
    return pdf_bytes(fill_writer(blank, values, flatten, max_lengths, overflow))


def pdf_bytes(writer: PdfWriter) -> bytes:
    """The file a writer makes."""
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def fill_writer(blank: Blank, values: dict[str, str], flatten: bool = False,
                max_lengths: dict[str, int] | None = None, overflow: list[Overflow] | None = None,
                appended: bool = False) -> PdfWriter:
    """The blank with ``values`` set (text as is, checkboxes/radios as ``/State`` names); optionally flattened.

    Flattening draws every field of the page (empty boxes too, as the blank shows them) into the
    page content and removes the fields; push buttons (Drucken, Speichern) are dropped.
    ``max_lengths`` gives comb fields whose blank lacks ``/MaxLen`` their number of cells.
    Comb widgets are first fitted to the boxes the form prints (:mod:`combs`); values with
    characters the field's font lacks are drawn by us (:mod:`glyphs`). Values wider than their box
    get a smaller font, down to a floor; beyond it the box shows the start and "…" and the whole
    value is appended to ``overflow`` (:mod:`fitting`) for the continuation sheet.

    ``appended``: the writer is one part of several (:func:`concatenate` takes its pages and fields
    only), so the blank's structure tree is not copied and unreferenced objects are not swept out.
    """
    writer = PdfWriter(clone_from=blank.reader(structure=not appended))
    _prepare_combs(writer, blank, max_lengths or {})
    own: list[tuple[int, Any, str]] = []  # (page index, widget, value) drawn by us
    for index, page in enumerate(writer.pages):
        names = _page_field_names(page)
        page_fields = {name: value for name, value in values.items() if name in names}
        tooltips = {name: info.tooltip for name, info in blank.fields.items() if name in page_fields}
        moved = fit_page(writer, page, index + 1, page_fields, _qualified_name, tooltips)
        if overflow is not None:
            overflow.extend(moved)
        for name, widget in _unprintable(writer, page, page_fields):
            own.append((index, widget, page_fields[name]))
            page_fields[name] = ""  # pypdf draws the border and background, we the text
        if flatten:
            for name in names:
                info = blank.fields.get(name)
                if name in page_fields or info is None:
                    continue
                if info.kind == "/Btn" and info.states:
                    page_fields[name] = "/Off"
                elif info.kind == "/Tx":
                    page_fields[name] = ""
        if flatten and page_fields:
            _isolate(page)
            _normalise_rects(page)
        if page_fields:
            _set_values(writer, page, page_fields, flatten)
    if own:
        sizes = [(float(p.mediabox.width), float(p.mediabox.height)) for p in writer.pages]
        drawn = PdfReader(io.BytesIO(draw_texts([(sizes[i], _rect(w), v, da_size(writer, w)) for i, w, v in own])))
        for position, (index, widget, value) in enumerate(own):
            if flatten:
                writer.pages[index].merge_page(drawn.pages[position])
            else:
                _own_appearance(writer, widget, drawn.pages[position], value)
    if flatten:
        writer.remove_annotations(subtypes="/Widget")
        if "/AcroForm" in writer._root_object:
            del writer._root_object[NameObject("/AcroForm")]
    if flatten and not appended:
        # pypdf flattens field by field and keeps every intermediate page content as an object of its
        # own: the flattened federal Elterngeld form (about 800 fields) came out at 24 MB, now 3 MB.
        # (remove_duplicates=True merged objects wrongly: poppler then lost a colour space)
        # An appended part needs no sweep: concatenate copies only what its pages refer to.
        writer.compress_identical_objects(remove_duplicates=False, remove_unreferenced=True)
    return writer


def _plain_streams(writer: PdfWriter) -> None:
    """Make the appearance streams pypdf generated plain streams (same dictionary, same data), before appending.

    pypdf clones an object by first making an empty one of its class. An empty one of its appearance
    class already holds a whole Helvetica appearance (about 20 ms each), and as it is not empty pypdf
    then copies nothing into it: an appended writer's values came out blank (the KiZ 1 with its
    continuation sheet, tests/forms/test_forms_fitting.py). A plain stream clones whole, in microseconds.
    """
    for position, obj in enumerate(writer._objects):
        if isinstance(obj, DecodedStreamObject) and type(obj) is not DecodedStreamObject:
            plain = DecodedStreamObject()
            plain.update(obj)
            plain.set_data(obj.get_data())
            plain.indirect_reference = obj.indirect_reference
            writer._objects[position] = plain


def _set_values(writer: PdfWriter, page: Any, values: dict[str, str], flatten: bool) -> None:
    """pypdf's ``update_page_form_field_values`` for the page, in one pass over its widgets.

    pypdf compares every widget with every value (the qualified name built anew for each pair):
    with all fields of a page set when flattening, that was most of a fill's time. Here each widget's
    name is built once and pypdf is called for that widget alone (the page's /Annots narrowed to it
    for the call), with the values it would have matched (qualified name or /T), in the same order.
    When flattening, an empty text field with neither background nor border colour (/MK /BG, /BC)
    is skipped: pypdf would draw an appearance with nothing visible in it, and the field goes.
    """
    writer.set_need_appearances_writer(False)  # what auto_regenerate=False did for the page
    annotations = page.get("/Annots")
    if annotations is None:
        return
    order = {name: position for position, name in enumerate(values)}
    whole = page[NameObject("/Annots")]
    try:
        for annotation in list(annotations.get_object()):
            widget = annotation.get_object()
            if widget.get("/Subtype") != "/Widget":
                continue
            field = widget if ("/FT" in widget and "/T" in widget) else widget.get("/Parent", DictionaryObject()).get_object()
            names = {writer._get_qualified_field_name(parent=field), field.get("/T")}
            matched = sorted((name for name in names if name in order), key=order.__getitem__)
            if flatten:
                matched = [name for name in matched if not _invisible_empty(field, widget, values[name])]
            if matched:
                page[NameObject("/Annots")] = ArrayObject([annotation])
                writer.update_page_form_field_values(page, {name: values[name] for name in matched},
                                                     auto_regenerate=None, flatten=flatten)
    finally:
        page[NameObject("/Annots")] = whole


def _invisible_empty(field: Any, widget: Any, value: str) -> bool:
    """An empty text field whose appearance pypdf would draw with nothing visible: no /MK background or border colour."""
    if value or field.get("/FT") != "/Tx":
        return False
    for node in (widget, field):
        characteristics = inherited(node, "/MK")
        if characteristics is not None:
            characteristics = characteristics.get_object()
            if characteristics.get("/BG") or characteristics.get("/BC"):
                return False
    return True


def _isolate(page: Any) -> None:
    """Wrap the page's own content in q … Q before the fields' appearances are appended to it.

    pypdf draws each flattened field after the page content; a colour the page set last (the
    federal Elterngeld form's pale blue on page 18) would otherwise stay in force and tint
    appearances that draw with the default colour — the month ticks came out almost invisible.
    """
    content = page.get_contents()
    if content is not None:
        content.isolate_graphics_state()
        page.replace_contents(content)


def _normalise_rects(page: Any) -> None:
    """Give every widget a /Rect with its lower-left corner first (PDF 32000-1, 7.9.5 allows either order).

    A viewer normalises a rectangle before drawing; pypdf's flatten places the appearance at
    ``Rect[0], Rect[1]`` as written. The Mietbescheinigung's radio buttons of 4.1/4.2 (Pauschale,
    Haushaltsstrom: "Ja") and the garage questions have the top edge first: flattened, their circles
    sat one box height above the printed place (the "Ja" circle of 4.1 on the line above "Nein").
    """
    for annotation in page.get("/Annots") or ():
        widget = annotation.get_object()
        if widget.get("/Subtype") == "/Widget" and "/Rect" in widget:
            widget[NameObject("/Rect")] = RectangleObject(_rect(widget))


def _rect(widget: Any) -> list[float]:
    x0, y0, x1, y1 = (float(v) for v in widget["/Rect"])
    return [min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)]


def _own_appearance(writer: PdfWriter, widget: Any, drawn: Any, value: str) -> None:
    """Make the value drawn by fpdf2 the widget's appearance, on top of pypdf's border and background.

    pypdf has just written the appearance of the empty field (box, background) in the widget's
    own coordinates; our text is in page coordinates, so it is moved by the rect's corner.
    The field's value is set to the real text (read back, and what a viewer edits).
    """
    x0, y0, x1, y1 = _rect(widget)
    appearance = widget.get("/AP")
    if appearance is not None and "/N" in appearance:
        base = appearance["/N"].get_object()
    else:
        base = DecodedStreamObject()
        base[NameObject("/BBox")] = ArrayObject([FloatObject(0), FloatObject(0), FloatObject(x1 - x0), FloatObject(y1 - y0)])
        base[NameObject("/Subtype")] = NameObject("/Form")
    resources = base.get("/Resources")
    merged = DictionaryObject() if resources is None else DictionaryObject(resources.get_object())
    fonts = DictionaryObject(merged.get("/Font", DictionaryObject()).get_object()) if "/Font" in merged \
        else DictionaryObject()
    ours = drawn["/Resources"].get_object()
    for name, font in ours.get("/Font", DictionaryObject()).get_object().items():
        fonts[NameObject(name)] = font.clone(writer) if hasattr(font, "clone") else font
    merged[NameObject("/Font")] = fonts
    stream = DecodedStreamObject()
    stream.set_data(base.get_data() + f"\nq 1 0 0 1 {-x0:.3f} {-y0:.3f} cm\n".encode()
                    + drawn.get_contents().get_data() + b"\nQ\n")
    for key, item in base.items():
        if key not in ("/Length", "/Filter", "/DecodeParms", "/Resources"):
            stream[NameObject(key)] = item
    stream[NameObject("/Resources")] = merged
    widget[NameObject("/AP")] = DictionaryObject({NameObject("/N"): writer._add_object(stream)})
    field = widget if "/T" in widget else widget["/Parent"].get_object()
    field[NameObject("/V")] = TextStringObject(value)


def _unprintable(document: PdfReader | PdfWriter, page: Any, values: dict[str, str]) -> list[tuple[str, Any]]:
    """Text fields on the page whose value holds characters the field's font cannot encode, with their widget."""
    out: list[tuple[str, Any]] = []
    for annotation in page.get("/Annots") or ():
        obj = annotation.get_object()
        name = _qualified_name(obj)
        value = values.get(name)
        if not value or value.startswith("/"):
            continue
        chars = font_chars(document, obj)
        if chars is not None and any(c not in chars for c in value):
            out.append((name, obj))
    return out


def unprintable_fields(blank: Blank, values: dict[str, str]) -> list[str]:
    """Names of fields whose value the form's own font cannot show (we draw them; editing them in a viewer
    would show "?" again). Read off the blank's kept reader: nothing is changed, so nothing is cloned."""
    reader = blank.reader()
    return [name for page in reader.pages for name, _ in _unprintable(reader, page, values)]


def _prepare_combs(writer: PdfWriter, blank: Blank, max_lengths: dict[str, int]) -> None:
    """Every comb widget: its cell count (/MaxLen) and comb flag, a /DA pypdf can read, and its rect
    fitted to the boxes the form prints (:func:`combs.fit_widget`)."""
    for index, page in enumerate(writer.pages):
        for annotation in page.get("/Annots") or ():
            obj = annotation.get_object()
            if obj.get("/Subtype") != "/Widget":
                continue
            field = obj if ("/FT" in obj and "/T" in obj) else obj.get("/Parent", obj).get_object()
            name = writer._get_qualified_field_name(parent=field)
            info = blank.fields.get(name)
            cells = max_lengths.get(name) or max_lengths.get(str(field.get("/T", "")))
            if cells:
                for target in (obj, field):
                    target[NameObject("/MaxLen")] = NumberObject(cells)
                    target[NameObject("/Ff")] = NumberObject(int(target.get("/Ff", 0)) | COMB)
            elif info is not None and info.comb:
                cells = int(obj.get("/MaxLen") or field.get("/MaxLen") or 0) or None
            if not cells:
                continue
            for target in (obj, field):
                if "/DA" in target:
                    target[NameObject("/DA")] = TextStringObject(repair_da(str(target["/DA"])))
            fit_widget(obj, blank.data, index, cells)


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


def rename_root(writer: PdfWriter, suffix: str) -> None:
    """Rename every top-level field of the filled form ``<name>-<suffix>`` (several copies in one PDF)."""
    acroform = writer._root_object.get("/AcroForm")
    if acroform is not None:
        for field in acroform.get_object().get("/Fields", ()):
            obj = field.get_object()
            if "/T" in obj:
                obj[NameObject("/T")] = TextStringObject(f"{obj['/T']}-{suffix}")


def concatenate(parts: Sequence[bytes | PdfWriter]) -> bytes:
    """Several PDFs one after the other, form fields included (their names must differ).

    A filled form comes as its writer: appended from it directly, it is neither written nor read again.
    """
    if len(parts) == 1:
        return parts[0] if isinstance(parts[0], bytes) else pdf_bytes(parts[0])
    writer = PdfWriter()
    for part in parts:
        if isinstance(part, bytes):
            writer.append(PdfReader(io.BytesIO(part)))
            continue
        _plain_streams(part)
        # pypdf's merge takes any document (isinstance PdfDocCommon), its annotation names only the reader
        writer.append(cast(PdfReader, part))
    return pdf_bytes(writer)
