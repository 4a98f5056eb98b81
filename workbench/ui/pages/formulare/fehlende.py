"""What the forms page asks for a value the chosen form needs and the case lacks: one input per value, named as the
advisor knows the field (never the case path, issue 24), a text, a date (TT.MM.JJJJ) or a choice."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import ipywidgets as w

from workbench.case import iban_problem, tax_id_problem
from workbench.forms.sources import Missing
from workbench.i18n import text
from workbench.ui.kit.widgets import FIELD_LAYOUT, LABEL_STYLE, FieldMessage, text_input

SEX = ("female", "male", "diverse", "unspecified")
MARITAL = ("single", "married", "civil_partnership", "separated", "divorced", "widowed")
HEALTH = ("statutory", "statutory_voluntary", "private", "none")


def field_in_words(path: str, data: dict[str, Any], language: str) -> str:
    """A case path as the advisor knows the field: ``household.parents[0].personal.tax_id`` → ``Steuer-ID – Eva``.

    Never the raw path (issue 24); a field without a name of its own is named by whose it is, else
    "Angaben des Falls".
    """
    from workbench.forms.sources import label_for

    try:
        return label_for(path, data, language)
    except KeyError:
        match = re.match(r"household\.(parents|children)\[(\d+)\]", path)
        if match is not None:
            try:
                owner = label_for(match.group(0) + ".name", data, language).split(" – ", 1)[-1]
                return text("forms.ui.field_of", language, who=owner)
            except KeyError:
                pass
        return text("forms.ui.field_case", language)


def _leaf(path: str) -> str:
    return path.rsplit(".", 1)[-1]


def _choices(leaf: str, language: str) -> list[tuple[str, Any]] | None:
    """The options of a value asked as a choice (sex, marital status, the self-employed's insurance), else None."""
    if leaf in ("sex", "marital_status"):
        return [(text(f"forms.ui.{leaf}.{v}", language), v) for v in (SEX if leaf == "sex" else MARITAL)]
    if leaf in ("pension_insured", "unemployment_insured"):
        return [(text("forms.ui.yes", language), True), (text("forms.ui.no", language), False)]
    if leaf == "health_insurance":
        return [(text(f"forms.ui.health.{v}", language), v) for v in HEALTH]
    return None


class MissingInput:
    """One input for a missing value: a text, a date (TT.MM.JJJJ) or a choice, with its message slot."""

    def __init__(self, item: Missing, language: str) -> None:
        self.item = item
        self.language = language
        leaf = _leaf(item.path)
        self.kind = "date" if leaf.endswith("date") or leaf.endswith("_since") else "text"
        choices = _choices(leaf, language)
        if choices is not None:
            self.kind = "choice"
            self.input: w.DOMWidget = w.Dropdown(options=[("–", "")] + choices, value="")
        else:
            placeholder = text("forms.ui.date_placeholder", language) if self.kind == "date" else ""
            self.input = text_input(placeholder=placeholder)
        self.input.description = item.label
        self.input.style = LABEL_STYLE
        self.input.layout = w.Layout(**FIELD_LAYOUT)
        self.message = FieldMessage(language)
        self.widget = w.VBox([self.input, self.message.widget])
        self.widget.add_class("wb-field")
        if leaf in ("tax_id", "iban"):
            self.input.observe(self._check_number, names="value")

    def _check_number(self, change: Any) -> None:
        value = str(change["new"]).strip()
        if not value:
            self.message.clear()
            return
        key = tax_id_problem(re.sub(r"[\s/]+", "", value)) if _leaf(self.item.path) == "tax_id" else iban_problem(value)
        if key is None:
            self.message.clear()
        else:
            self.message.show(f"case.{key}", length=22)

    def read(self) -> Any:
        """The value in case-format form, or None when left empty; ValueError with a catalog key."""
        if self.kind == "choice":  # a choice's value is already case-format (a word or a yes/no boolean)
            chosen = self.input.value
            return None if chosen == "" else chosen
        raw = str(self.input.value).strip()
        if not raw:
            return None
        if self.kind == "date":
            match = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", raw)
            try:
                return (date(int(match.group(3)), int(match.group(2)), int(match.group(1))) if match
                        else date.fromisoformat(raw)).isoformat()
            except ValueError:
                raise ValueError("case.date") from None
        return raw
