"""The wizard "Neu in Bochum / Moving to Bochum": Umzug → Eltern → Kinder → Ergebnis (``notebooks/zuzug.ipynb``).

One or two parents and one or two children (more through the case file); the result is the topic's
sections of :mod:`workbench.report.zuzug` with the explanation and the family's plan as a PDF.
"""

from __future__ import annotations

import secrets
from datetime import date
from typing import Any

from workbench.case.zuzug import TITLES
from workbench.clock import today as clock_today
from workbench.i18n import format_date, text
from workbench.ui.kit.fields import CheckField, ChoiceField, DateField, Field, MoneyField, TextField
from workbench.ui.kit.saving import Store
from workbench.ui.kit.topic import (
    FieldsStep, SectionsStep, explanation_details, pdf_link, sections_html, show_topic_wizard, today,
)
from workbench.ui.kit.wizard import Wizard

PARENTS = "parent_count"
"""The "one or two parents" answer (no case path of its own)."""

def new_zuzug_case(language: str = "de") -> dict[str, Any]:
    """An empty case of a family moving to Bochum with a fresh id (``ZU-20261125-3F2A``)."""
    return {"format": "workbench-case/3", "case_id": f"ZU-{clock_today():%Y%m%d}-{secrets.token_hex(2).upper()}",
            "language": language, "household": {"parents": [{"id": "A"}, {"id": "B"}], "children": [{"id": "K1"}]},
            "zuzug": {"from_abroad": True, "parents": [{"parent": "A"}, {"parent": "B"}]}, "notes": ""}


def _move_fields(lang: str) -> dict[str, Field]:
    return {
        "zuzug.arrival": DateField("ui.zuzug.arrival", lang, "ui.error.zuzug_arrival_empty"),
        "zuzug.from_abroad": ChoiceField("ui.zuzug.from_abroad", lang, [("ui.zuzug.abroad", True),
                                                                        ("ui.zuzug.germany", False)]),
        "zuzug.from_place": TextField("ui.zuzug.from_place", lang),
        "household.married": CheckField("ui.zuzug.married", lang),
        "zuzug.foreign_benefit_m": MoneyField("ui.zuzug.foreign_benefit", lang, optional=True),
    }


def _parent_fields(index: int, lang: str) -> dict[str, Field]:
    n = index + 1
    titles = [("ui.zuzug.title_none", None)] + [(text(f"ui.zuzug.title.{t}", lang), t) for t in TITLES]
    return {
        f"household.parents[{index}].name": TextField(f"ui.zuzug.parent{n}_name", lang),
        f"zuzug.parents[{index}].citizenship": ChoiceField(
            f"ui.zuzug.parent{n}_citizenship", lang,
            [("ui.zuzug.citizenship_de", "de"), ("ui.zuzug.citizenship_eu", "eu"), ("ui.zuzug.citizenship_third", "third")]),
        f"zuzug.parents[{index}].title": ChoiceField(f"ui.zuzug.parent{n}_title", lang, titles),
        f"zuzug.parents[{index}].works": ChoiceField(
            f"ui.zuzug.parent{n}_works", lang, [("ui.zuzug.works_none", "none"), ("ui.zuzug.works_de", "de"),
                                                ("ui.zuzug.works_abroad_eu", "abroad_eu"),
                                                ("ui.zuzug.works_abroad_other", "abroad_other")]),
        f"zuzug.parents[{index}].work_state": TextField(f"ui.zuzug.parent{n}_work_state", lang),
    }


def _parents_fields(lang: str) -> dict[str, Field]:
    return {PARENTS: ChoiceField("ui.zuzug.parent_count", lang, [("ui.zuzug.two_parents", 2), ("ui.zuzug.one_parent", 1)]),
            **_parent_fields(0, lang), **_parent_fields(1, lang)}


class ParentsStep(FieldsStep):
    """One or two parents: with one, the second parent's entries are left out of the case."""

    def fields(self) -> dict[str, Field]:
        two = self._fields[PARENTS].read() == 2 if PARENTS in self._fields else True
        return {p: f for p, f in self._fields.items() if p != PARENTS and (two or "[1]" not in p)}

    @property
    def count(self) -> Field:
        """The "one or two parents" dropdown."""
        return self._fields[PARENTS]

    def load(self, data: dict[str, Any]) -> None:
        super().load(data)
        parents = (data.get("household") or {}).get("parents") or []
        self._fields[PARENTS].write(1 if len(parents) == 1 else 2)

    def store(self, data: dict[str, Any], lenient: bool = False) -> bool:
        ok = super().store(data, lenient)
        if self._fields[PARENTS].read() == 1:
            data["household"]["parents"] = data["household"]["parents"][:1]
            data["zuzug"]["parents"] = [p for p in data["zuzug"].get("parents", []) if p.get("parent") == "A"]
            data["household"]["single_parent"] = True
        else:
            household = data["household"]
            if len(household["parents"]) < 2:
                household["parents"].append({"id": "B"})
            if not any(p.get("parent") == "B" for p in data["zuzug"].get("parents", [])):
                data["zuzug"].setdefault("parents", []).append({"parent": "B"})
            household["single_parent"] = False
        return ok


def _children_fields(lang: str) -> dict[str, Field]:
    return {
        "household.children[0].personal.first_name": TextField("ui.zuzug.child1_name", lang),
        "household.children[0].birth_date": DateField("ui.zuzug.child1_birth", lang),
        "household.children[1].personal.first_name": TextField("ui.zuzug.child2_name", lang),
        "household.children[1].birth_date": DateField("ui.zuzug.child2_birth", lang, None),
    }


class ChildrenStep(FieldsStep):
    """One child, and a second one when its birthday is given."""

    def store(self, data: dict[str, Any], lenient: bool = False) -> bool:
        ok = super().store(data, lenient)
        children = data["household"].get("children") or []
        for index, child in enumerate(children):
            child.setdefault("id", f"K{index + 1}")
        data["household"]["children"] = [c for c in children if c.get("birth_date")] or children[:1]
        return ok

    def checks(self, data: dict[str, Any]) -> list[tuple[str, str]]:
        """The children moving in are born: a birthday after today is a typing error (walk10: 12.12.2027 was taken
        and the result planned school and Kita for it)."""
        seen = clock_today()
        return [(f"household.children[{index}].birth_date",
                 text("ui.zuzug.child_birth_future", self.language, date=format_date(born, self.language),
                      today=format_date(seen, self.language)))
                for index, child in enumerate(data["household"].get("children") or [])
                if child.get("birth_date") and (born := date.fromisoformat(child["birth_date"])) > seen]


def render_zuzug(data: dict[str, Any], language: str) -> str:
    """The result cards, the explanation and the family's plan as a PDF, for the case as entered."""
    from workbench.case import load_case
    from workbench.evaluation.zuzug import zuzug_result
    from workbench.report import topic_pdf
    from workbench.report.register import FAMILY
    from workbench.report.zuzug import zuzug_sections

    case = load_case(data)
    on = today()
    result = zuzug_result(case, on)
    assert result is not None  # the step opens only with the move's date
    pdf = topic_pdf(text("ui.zuzug.pdf_title", language), text("ui.zuzug.pdf_intro", language),
                    zuzug_sections(case, language, on, register=FAMILY), language)  # the family's wording
    return (sections_html(zuzug_sections(case, language, on), language)
            + explanation_details([result.explanation], language)
            + pdf_link(pdf, f"neu-in-bochum-{case.case_id}.pdf", text("ui.topic.pdf", language)))


class ZuzugWizard(Wizard):
    """Four steps on one case dict."""

    def __init__(self, data: dict[str, Any], store: Store, version: int | None = None,
                 autosave_delay: float = 1.0) -> None:
        lang = "en" if data.get("language") == "en" else "de"
        steps = [FieldsStep(lang, "ui.zuzug.step_move", _move_fields, ("zuzug.arrival", "zuzug.from_place",
                                                                        "zuzug.foreign_benefit_m", "household.married")),
                 ParentsStep(lang, "ui.zuzug.step_parents", _parents_fields, ("household.parents", "zuzug.parents")),
                 ChildrenStep(lang, "ui.zuzug.step_children", _children_fields, ("household.children", "zuzug.children")),
                 SectionsStep(lang, "ui.zuzug.step_result", render_zuzug)]
        super().__init__(steps, data, store, version, lang, "ui.zuzug.title", autosave_delay)


def show_zuzug_wizard() -> None:
    """What ``notebooks/zuzug.ipynb`` shows."""
    show_topic_wizard(lambda d, s, v: ZuzugWizard(d, s, v), new_zuzug_case, "show_zuzug_wizard",
                      warm=("workbench.report.topics", "workbench.report.register"))


__all__ = ["ZuzugWizard", "new_zuzug_case", "render_zuzug", "show_zuzug_wizard"]
