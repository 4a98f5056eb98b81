"""The values a field map puts into a form for one case: text per field, the on-state of a ticked box.

Pure: no PDF library is imported here, so the forms page can say what is missing before any
blank is opened (the PDF side is :mod:`workbench.forms.fill`; issue 23: the page's kernel starts
without pypdf and fpdf).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from workbench.case import Case
from workbench.forms.registry import FieldSpec, FormMap
from workbench.forms.sources import Missing, Roles, format_value, resolve_specs, ticks


@dataclass(frozen=True)
class FieldValues:
    """What a map puts into its fields for one case: text per field, on-state per ticked box, and what is missing."""

    values: dict[str, str]
    missing: list[Missing]
    open: list[str] = field(default_factory=list)
    """Message keys of the questions the case leaves unanswered (a field map's ``open``): for the advisor's view."""


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
    keys = [spec.open for spec in form.fields if spec.open]
    answered = {spec.open for spec in form.fields if spec.open and spec.field in values}
    return FieldValues(values, missing, [key for key in dict.fromkeys(keys) if key not in answered])


def _button_state(spec: FieldSpec, value: Any) -> str | None:
    if spec.checkbox:
        return spec.checkbox if ticks(value, spec.equals) else None
    if spec.radio:
        return spec.radio.get(str(value))
    return None
