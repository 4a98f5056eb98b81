"""The forms page's question per child: Kindergeld already applied for or received? (KG 1 Anlage Kind 4, issue 18 D10).

KG 1's Anlage Kind asks "Haben Sie oder eine unter Punkt 2 genannte Person für dieses Kind bereits Kindergeld
beantragt oder erhalten?" — ja (who, period, Familienkasse, Kindergeldnummer) or nein. The case holds the answer
in ``household.children[].receives.kindergeld_applied`` (``false``, or what was applied for or received); left
"nicht bekannt", the form stays empty there and the advisor's notes name the open question. Same pattern as the
other parent's section (:mod:`workbench.ui.pages.formulare.anderer_elternteil`): optional, shown only when the chosen
form (or one of its attachments) has the question, each problem beside its field.
"""

from __future__ import annotations

import html
import re
from typing import Any

import ipywidgets as w

from workbench.case import Case
from workbench.forms.registry import FormMap, get_map
from workbench.forms.sources import kids_of
from workbench.i18n import text
from workbench.ui.kit.fields import ChoiceField, DateField, Field, FieldError, TextField, read_entries

SOURCE = "=kindergeld_before."
OTHER_PERSON = "-"
"""The choice "the other parent (outside the household)": ``parent`` left out (:class:`workbench.case.bezug.KindergeldAntrag`)."""


def asks_kindergeld_before(form: FormMap) -> tuple[FormMap, str] | None:
    """The map that asks question 4 (``form`` or its attachment) and the kids the main form lists; None if none asks."""
    for sub in [form, *(get_map(a.form) for a in form.attachments)]:
        sources = [s for spec in sub.fields for s in ([spec.source] if isinstance(spec.source, str) else spec.source)]
        if any(s.startswith(SOURCE) for s in sources):
            return sub, form.kids
    return None


class ChildBlock:
    """One child's answer: not known / no / yes with who, since, until, Familienkasse and number."""

    def __init__(self, index: int, name: str, persons: list[tuple[str, str]], language: str) -> None:
        self.index = index
        lang = language
        answers = [(text("forms.ui.kg_before.unknown", lang), ""), (text("forms.ui.kg_before.no", lang), "no"),
                   (text("forms.ui.kg_before.yes", lang), "yes")]
        self.answer = ChoiceField("forms.ui.kg_before.answer", lang, answers)
        self.answer.input.description = text("forms.ui.kg_before.answer", lang, child=name)
        self.fields: dict[str, Field] = {
            "parent": ChoiceField("forms.ui.kg_before.parent", lang, persons),
            "since": DateField("forms.ui.kg_before.since", lang, empty_key=None),
            "until": DateField("forms.ui.kg_before.until", lang, empty_key=None),
            "familienkasse": TextField("forms.ui.kg_before.familienkasse", lang),
            "number": TextField("forms.ui.kg_before.number", lang),
        }
        self.details = w.VBox([f.widget for f in self.fields.values()])
        self.details.add_class("wb-kg-before-details")
        self.widget = w.VBox([self.answer.widget, self.details])
        self.widget.add_class("wb-kg-before-child")
        self.answer.input.observe(lambda _c: self._show_details(), names="value")
        self._show_details()

    def _show_details(self) -> None:
        self.details.layout.display = "" if self.answer.input.value == "yes" else "none"

    def write(self, value: Any) -> None:
        for field in [self.answer, *self.fields.values()]:
            field.message.clear()
        self.answer.input.value = "no" if value is False else ("yes" if isinstance(value, dict) else "")
        details = value if isinstance(value, dict) else {}
        for key, field in self.fields.items():
            stored = details.get(key)
            if key == "parent":
                field.write(stored if stored is not None else (OTHER_PERSON if details else field.input.options[0][1]))
            else:
                field.write(stored if stored is not None else "")
        self._show_details()

    def read(self) -> Any:
        """None (not known), False (nein) or the details (ja); raises FieldError beside a field."""
        answer = self.answer.input.value
        if answer == "":
            return None
        if answer == "no":
            return False
        out = read_entries(self.fields)
        if out.get("parent") == OTHER_PERSON:  # the other parent outside the household: no id of the case
            del out["parent"]
        return out


class KindergeldBeforeSection:
    """Question 4 of KG 1's Anlage Kind for each child the form attaches one for; ``read`` → per child index."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.blocks: list[ChildBlock] = []
        heading = html.escape(text("forms.ui.kg_before.heading", language))
        intro = html.escape(text("forms.ui.kg_before.intro", language))
        self.head = w.HTML(f'<h2 lang="{language}">{heading}</h2><p lang="{language}">{intro}</p>')
        self.widget = w.VBox([self.head])
        self.widget.add_class("wb-kg-before")

    def show(self, case: Case, data: dict[str, Any], kids: str) -> None:
        """One block per child the form lists (KG 1: the children without a running Kindergeld), from the case."""
        lang = self.language
        persons = [(p.name or p.id, p.id) for p in case.household.parents]
        if len(case.household.parents) == 1:  # point 2's "andere Person": the child's other parent outside the home
            persons.append((text("forms.ui.kg_before.other_person", lang), OTHER_PERSON))
        children = (data.get("household") or {}).get("children") or []
        self.blocks = []
        for index in kids_of(case, kids):
            child = case.household.children[index]
            name = (child.personal.first_name if child.personal else None) or child.id
            block = ChildBlock(index, name, persons, lang)
            receives = children[index].get("receives") if index < len(children) else None
            block.write((receives or {}).get("kindergeld_applied"))
            self.blocks.append(block)
        self.widget.children = [self.head, *[b.widget for b in self.blocks]]

    def read(self) -> dict[int, Any]:
        """Child index → None / False / details; raises FieldError after showing every problem beside its field."""
        out: dict[int, Any] = {}
        failed = False
        for block in self.blocks:
            try:
                out[block.index] = block.read()
            except FieldError:
                failed = True
        if failed:
            raise FieldError("forms.ui.kg_before.heading")
        return out

    @staticmethod
    def apply(candidate: dict[str, Any], answers: dict[int, Any]) -> None:
        """Write the answers into ``household.children[i].receives.kindergeld_applied`` (None: the key removed)."""
        children = candidate.setdefault("household", {}).setdefault("children", [])
        for index, value in answers.items():
            child = children[index]
            receives = child.get("receives") or {}
            if value is None:
                receives.pop("kindergeld_applied", None)
            else:
                receives["kindergeld_applied"] = value
            if receives:
                child["receives"] = receives
            else:
                child.pop("receives", None)

    def problem_at(self, path: str, message: str) -> bool:
        """Show the case model's message for ``…children[i].receives.kindergeld_applied…`` beside its field."""
        match = re.match(r"household\.children\[(\d+)\]\.receives\.kindergeld_applied(?:\.(\w+))?", path)
        if not match:
            return False
        block = next((b for b in self.blocks if b.index == int(match.group(1))), None)
        if block is None:
            return False
        field = block.fields.get(match.group(2) or "") or block.answer
        field.message.show_localized("forms.ui.text", {self.language: message})
        return True
