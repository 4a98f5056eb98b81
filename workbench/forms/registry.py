"""The field maps: ``workbench/templates/forms/<form-id>.yaml`` (package data), one per official form (docs/formulare.md).

A map names the form (title, the version printed on it, the official download page), the blank
it was made for (file name in the forms folder and its sha256) and, per PDF field, where the
value comes from in the case (``source``, a case path with roles such as ``{applicant}``), an
optional formatter, and for checkboxes the on-state the form defines (``checkbox: /1``) with the
value that ticks it (``equals``). Forms without fields (``kind: overlay``) list text anchors
instead; the Elternzeit letter (``kind: letter``) and the Ausfüllhilfen (``kind: sheet``, preparation
sheets for applications without a usable blank, :mod:`workbench.forms.ausfuellhilfe`) have no blank at all.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from workbench.errors import FormError
from workbench.resources import resource_path, safe_yaml

MAPS_DIR = resource_path("templates", "forms")

Source = str | list[str]
Condition = Literal["born_child", "child", "plan", "self_employed", "employed_with_leave", "school_adult", "renting",
                    "single_parent"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FieldSpec(_Model):
    """One PDF field and where its value comes from."""

    field: str
    source: Source
    format: str | None = None
    required: bool = True
    checkbox: str | None = Field(default=None, description="on-state of the checkbox, as in /_States_")
    equals: str | bool | int | list[str] = Field(
        default=True, description="the case value that ticks the box; a list: any of them (KiZ 1 'verheiratet/verpartnert')")
    radio: dict[str, str] | None = Field(default=None, description="case value → export value of the radio group")
    comb: bool = False
    max_length: int | None = Field(default=None, description="cells of a comb field whose blank lacks /MaxLen")
    when: str | None = Field(default=None, description="a role ('{other}'): the field is filled only when it exists")
    open: str | None = Field(
        default=None, description="message key of the advisor's open question when no field with this key gets a value "
                                  "(the case does not say; KG 1 AnK 4 'bereits Kindergeld beantragt', D10)")


class OverlaySpec(_Model):
    """One value written onto a form without fields, next to (or into the cell of) a text anchor."""

    page: int = Field(ge=1)
    anchor: str = Field(description="regular expression found with pdfplumber's page.search")
    occurrence: int = Field(default=1, ge=1, description="which match, in reading order (top to bottom, left to right)")
    kind: Literal["text", "comb", "check", "month", "box", "below", "cell"] = "text"
    source: Source
    format: str | None = None
    required: bool = True
    equals: str | bool | int | list[str] = True
    month: int | None = Field(default=None, ge=1, le=32, description="kind month: the Lebensmonat's cell in the row")
    row: int | None = Field(default=None, ge=1, le=9, description="kind cell: the table row under the column heading")
    when: str | None = Field(default=None, description="a role ('{other_claimant}'): the entry is filled only when it exists")


class Attachment(_Model):
    """Another form filled with this one, once per child (KG 1: one Anlage Kind per child)."""

    form: str
    per: Literal["kid"] = "kid"


class FormMap(_Model):
    """A whole field map."""

    id: str
    title: dict[str, str]
    version: str = Field(description="the version string printed on the form")
    download: str = Field(description="the official page where the blank can be downloaded")
    kind: Literal["acroform", "overlay", "letter", "sheet"] = "acroform"
    blank: str | None = None
    sha256: str | None = None
    births_from: date | None = Field(default=None, description="first birth date this edition is for")
    births_until: date | None = Field(default=None, description="last birth date this edition is for")
    fits: list[Condition] = Field(default_factory=list)
    kids: Literal["born", "all", "new"] = "born"
    applicant: Literal["first", "mother"] = "first"
    """Who fills the left column when the advisor does not choose: ``mother`` for a form whose first column is
    "Elternteil 1 (Mutter)" — the parent who gave birth (Mutterschutz data or Mutterschaftsleistungen), never
    simply the first parent entered (same-sex parents, a father entered first)."""
    part_of: str | None = None
    attachments: list[Attachment] = Field(default_factory=list)
    fields: list[FieldSpec] = Field(default_factory=list)
    overlay: list[OverlaySpec] = Field(default_factory=list)


@lru_cache(maxsize=1)
def _maps(directory: str) -> dict[str, FormMap]:
    out: dict[str, FormMap] = {}
    for path in sorted(Path(directory).glob("*.yaml")):
        try:
            data = safe_yaml(path.read_text(encoding="utf-8"))
            form = FormMap.model_validate(data)
        except (yaml.YAMLError, ValidationError) as error:
            raise FormError(f"{path}: field map cannot be read: {error}") from None
        if form.id != path.stem:
            raise FormError(f"{path}: id {form.id!r} must equal the file name {path.stem!r}")
        out[form.id] = form
    return out


def all_maps() -> dict[str, FormMap]:
    """Every field map, keyed by form id."""
    return dict(_maps(str(MAPS_DIR)))


def get_map(form_id: str) -> FormMap:
    """The field map ``form_id``; FormError naming the known ids otherwise."""
    maps = all_maps()
    if form_id not in maps:
        raise FormError(f"unknown form {form_id!r}; known: {', '.join(sorted(maps))}")
    return maps[form_id]
