"""Blanks: where they are, whether they are the edition a map was made for, and their normalised bytes.

The official blanks are not in the repository (they are the authorities' documents and change
every few months). They live in the forms folder: ``$WORKBENCH_FORMS_DIR``, else ``forms/``
in the data folder (``$WORKBENCH_DATA`` or ``~/.local/share/workbench``). A blank that is
missing, or whose sha256 or field names differ from the map, is reported with the file name,
the download page and the differing fields, and is never filled.

Normalising (once per blank and process): decrypt the empty user password of the Familienkasse
forms, drop ``/XFA`` so the AcroForm is authoritative, keep everything else.
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING


from workbench.errors import FormError
from workbench.forms.registry import FormMap
from workbench.i18n import text
from workbench.resources import data_dir

if TYPE_CHECKING:
    from pypdf import PdfReader

for _noisy in ("pypdf", "pypdf._reader", "pypdf._writer", "pypdf._crypt_providers"):
    logging.getLogger(_noisy).setLevel(logging.ERROR)  # "No fields to update on this page" and padding notes


def forms_dir() -> Path:
    """The forms folder: ``$WORKBENCH_FORMS_DIR``, else ``<data folder>/forms``."""
    configured = os.environ.get("WORKBENCH_FORMS_DIR")
    if configured:
        return Path(configured)
    return data_dir() / "forms"


def sha256_of(path: Path) -> str:
    """The sha256 of a file, hex."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


@dataclass(frozen=True)
class FieldInfo:
    """A terminal field of a blank: type (``/Tx``, ``/Btn``, ``/Ch``, ``/Sig``), states of a button, comb length."""

    name: str
    kind: str
    states: tuple[str, ...]
    max_length: int | None
    comb: bool
    tooltip: str


@dataclass(frozen=True)
class Blank:
    """A normalised blank: its bytes (unencrypted, no XFA) and its fields."""

    path: Path
    sha256: str
    data: bytes
    fields: dict[str, FieldInfo]

    def reader(self, structure: bool = True) -> PdfReader:
        """A parsed reader of the normalised bytes, kept per blank: parsing is most of the time of a fill.

        ``structure=False``: a reader whose document has no structure tree (the tags of a tagged PDF),
        for a copy that is appended to others (:func:`workbench.forms.fill.concatenate` takes its
        pages only, never the tags): the KG 1 blanks' tags are 600 of their 1 000 objects, and a fill
        clones every object of its blank.
        """
        return _reader(self.data) if structure else _reader_without_structure(self.data)


@lru_cache(maxsize=16)
def _reader(data: bytes) -> PdfReader:
    from pypdf import PdfReader  # pypdf is loaded when a blank is first read, not when the forms page starts (issue 23)

    return PdfReader(io.BytesIO(data))  # objects are parsed lazily, then kept in the reader's cache


@lru_cache(maxsize=16)
def _reader_without_structure(data: bytes) -> PdfReader:
    from pypdf import PdfReader
    from pypdf.generic import NameObject

    reader = PdfReader(io.BytesIO(data))
    root = reader.root_object  # kept in the reader's cache: the clones see it without the tree
    if "/StructTreeRoot" in root:
        del root[NameObject("/StructTreeRoot")]
    return reader


def read_fields(reader: PdfReader) -> dict[str, FieldInfo]:
    """The terminal fields of a (decrypted) PDF with their on-states and comb length."""
    out: dict[str, FieldInfo] = {}
    for name, field in (reader.get_fields() or {}).items():
        kind = str(field.get("/FT", ""))
        if not kind:
            continue  # a container of fields, not a field
        states = tuple(str(s) for s in field.get("/_States_", ()) if str(s).startswith("/") and s != "/Off")
        if kind == "/Btn":
            states = tuple(s for s in states if s not in ("/BBox", "/FormType", "/Matrix", "/Resources",
                                                            "/Subtype", "/Type", "/Filter", "/Length"))
        flags = int(field.get("/Ff", 0) or 0)
        max_length = field.get("/MaxLen")
        if max_length is None:
            for kid in field.get("/Kids", ()) or ():
                max_length = kid.get_object().get("/MaxLen", max_length)
        out[name] = FieldInfo(name, kind, states, int(max_length) if max_length is not None else None,
                              bool(flags & (1 << 24)), str(field.get("/TU", "")))
    return out


@lru_cache(maxsize=16)
def _normalised(path: str, sha256: str) -> Blank:
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject

    reader = PdfReader(path)
    if reader.is_encrypted:
        reader.decrypt("")
    writer = PdfWriter(clone_from=reader)
    acroform = writer._root_object.get("/AcroForm")
    if acroform is not None:
        acroform = acroform.get_object()
        if "/XFA" in acroform:
            del acroform[NameObject("/XFA")]
    buffer = io.BytesIO()
    writer.write(buffer)
    data = buffer.getvalue()
    return Blank(Path(path), sha256, data, read_fields(PdfReader(io.BytesIO(data))))


def load_blank(form: FormMap, language: str = "de", directory: Path | None = None) -> Blank:
    """The blank of ``form``, normalised, after checking it is the edition the map was made for.

    Raises FormError: missing blank (file, folder, download page) or another edition (sha256,
    and the mapped fields the blank does not have, or of another type or on-state).
    """
    if form.blank is None:
        raise FormError(text("forms.no_blank", language, form=form.id))
    folder = directory or forms_dir()
    path = folder / form.blank
    if not path.is_file():
        raise FormError([text("forms.blank_missing", language, file=form.blank, folder=str(folder)),
                         text("forms.download_here", language, url=form.download)])
    digest = sha256_of(path)
    if digest == form.sha256:
        return _normalised(str(path), digest)
    problems = [text("forms.other_edition", language, file=str(path), version=form.version,
                     expected=(form.sha256 or "")[:12], found=digest[:12])]
    if form.kind == "overlay":
        problems.append(text("forms.overlay_pinned", language))
        problems.append(text("forms.download_here", language, url=form.download))
        raise FormError(problems)
    try:
        fields = _normalised(str(path), digest).fields
    except Exception:  # noqa: BLE001 - any unreadable file is "not the edition", with the reason below
        problems.append(text("forms.unreadable", language))
    else:
        differing = edition_differences(form, fields)
        if differing:
            problems.append(text("forms.fields_differ", language, count=len(differing),
                                 fields="; ".join(differing[:12]) + (" …" if len(differing) > 12 else "")))
        else:
            problems.append(text("forms.fields_same", language))
    problems.append(text("forms.download_here", language, url=form.download))
    raise FormError(problems)


def load_blank_bytes(form: FormMap, language: str = "de", directory: Path | None = None) -> bytes:
    """The normalised bytes of the blank of ``form`` (edition checked as in :func:`load_blank`)."""
    return load_blank(form, language, directory).data


def edition_differences(form: FormMap, fields: dict[str, FieldInfo]) -> list[str]:
    """The mapped fields a blank lacks, or has with another type or without the mapped on-state."""
    out: list[str] = []
    for spec in form.fields:
        info = fields.get(spec.field)
        if info is None:
            out.append(f"{spec.field} (fehlt)")
            continue
        wanted = "/Btn" if (spec.checkbox or spec.radio) else "/Tx"
        if info.kind != wanted:
            out.append(f"{spec.field} ({info.kind} statt {wanted})")
        states = [spec.checkbox] if spec.checkbox else list((spec.radio or {}).values())
        for state in states:
            if state not in info.states:
                out.append(f"{spec.field} (kein Zustand {state})")
    return out
