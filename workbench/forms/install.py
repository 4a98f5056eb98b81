"""Adding a downloaded blank to the forms folder: recognise it by its fingerprint, copy it owner-only.

An advisor downloads the official PDF from the authority's page (the ``download`` of a map)
under whatever name the browser gives it. :func:`add_blank` compares its sha256 with the maps'
``sha256``: a match is the edition a map was made for and is copied into the forms folder under
the map's ``blank`` name, mode 0600, atomically (``workbench.private_files``). Anything else is
not copied — filling another edition would put values into the wrong boxes — but the report says
which form it seems to be: the share of a map's mapped fields the PDF has (AcroForm blanks), or
the share of a map's text anchors found on their pages (blanks without fields, the NRW overlay).
Then the map must be checked against the new edition (docs/formulare.md, "A new edition").
"""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass
from pathlib import Path

from workbench.errors import FormError
from workbench.forms.blanks import forms_dir, read_fields, sha256_of
from workbench.forms.registry import FormMap, all_maps
from workbench.i18n import text
from workbench.private_files import write_private

__all__ = ["Recognition", "add_blank", "add_blank_data", "recognise"]

LIKELY = 0.5
"""From this share of a map's fields (or anchors) on, a PDF "seems to be" that form."""


@dataclass(frozen=True)
class Recognition:
    """What a PDF is: exactly a map's blank (``exact``), likely another edition of ``form``, or unknown."""

    form: FormMap | None
    exact: bool
    share: float = 0.0


def _acroform_share(form: FormMap, names: set[str]) -> float:
    wanted = {spec.field for spec in form.fields}
    return len(wanted & names) / len(wanted) if wanted else 0.0


def _overlay_share(form: FormMap, data: bytes) -> float:
    import pdfplumber  # only for blanks without fields: reading their text is slow

    anchors = form.overlay
    if not anchors:
        return 0.0
    found = 0
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        texts: dict[int, str] = {}
        for spec in anchors:
            if spec.page > len(pdf.pages):
                continue
            if spec.page not in texts:
                texts[spec.page] = pdf.pages[spec.page - 1].extract_text() or ""
            if re.search(spec.anchor, texts[spec.page]):
                found += 1
    return found / len(anchors)


def recognise(data: bytes) -> Recognition:
    """Which map's blank ``data`` is (by sha256), else which form it most likely is (fields or anchors)."""
    digest = hashlib.sha256(data).hexdigest()
    maps = [form for form in all_maps().values() if form.kind not in ("letter", "sheet")]
    for form in maps:
        if form.sha256 == digest:
            return Recognition(form, exact=True, share=1.0)
    from pypdf import PdfReader  # loaded for an unknown blank only, not when the forms page starts (issue 23)

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            reader.decrypt("")
        names = set(read_fields(reader))
    except Exception:  # noqa: BLE001 - not a PDF we can read: nothing is recognised
        return Recognition(None, exact=False)
    best = Recognition(None, exact=False)
    for form in maps:
        if form.kind == "overlay":
            share = _overlay_share(form, data) if not names else 0.0
        else:
            share = _acroform_share(form, names)
        if share > best.share:
            best = Recognition(form, exact=False, share=share)
    return best if best.share >= LIKELY else Recognition(None, exact=False, share=best.share)


def add_blank(source: Path, directory: Path | None = None, *, language: str = "de") -> str:
    """Copy the blank file ``source`` into the forms folder under its map's name; the sentence that says so.

    Raises FormError (nothing copied): unreadable file, or see :func:`add_blank_data`.
    """
    try:
        data = source.read_bytes()
    except OSError as error:
        raise FormError(text("forms.add.unreadable", language, path=str(source),
                             detail=error.strerror or error)) from None
    return add_blank_data(data, str(source), directory, language=language)


def add_blank_data(data: bytes, name: str, directory: Path | None = None, *, language: str = "de") -> str:
    """Put the PDF ``data`` (a file called ``name``, e.g. an upload) into the forms folder if it is a map's blank.

    Raises FormError (nothing copied): another edition of a known form (with the form it seems
    to be and what to do), or a PDF that is none of the workbench's forms.
    """
    found = recognise(data)
    if found.form is None:
        raise FormError(text("forms.add.unknown", language, path=name))
    title = found.form.title[language]
    if not found.exact:
        raise FormError([text("forms.add.other_edition", language, path=name, form=title,
                              id=found.form.id, share=round(found.share * 100), version=found.form.version),
                         text("forms.add.check_map", language, id=found.form.id)])
    assert found.form.blank is not None  # maps with a sha256 name their blank
    target = (directory or forms_dir()) / found.form.blank
    if target.is_file() and sha256_of(target) == found.form.sha256:
        return text("forms.add.already", language, form=title, path=str(target))
    write_private(target, data, force=True, exists="forms.cli.exists", unwritable="report.cli_unwritable",
                  language=language)
    return text("forms.add.added", language, form=title, version=found.form.version, path=str(target))
