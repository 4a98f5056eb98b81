"""The Elterngeld wizard's Kind step (the family step before it is the kit's :mod:`workbench.ui.kit.familie`)."""

from __future__ import annotations

from datetime import date
from typing import Any

from workbench.case.births import resize_birth
from workbench.errors import UnsupportedPeriod
from workbench.ui.kit.familie import (
    COUNT_OPTIONS, PARENT_IDS, PLAN_CHILD, LebensmonateField, elterngeld_vorher_fields, fragen_in_use, fragen_paths,
    kind_fragen, plan_birth_first, tidy_receives,
)
from workbench.ui.kit.fields import CheckField, ChoiceField, DateField, Field, whole_numbers
from workbench.ui.kit.herkunft import RELATION, parent_ids_of, relation_of, write_relation
from workbench.ui.kit.lists import Row, RowList
from workbench.ui.kit.step import WizardStep

EG = "elterngeld_"
"""Row-field prefix of the "Elterngeld für dieses Kind bezogen" questions (one per parent, path set in ``fields``)."""


class KindStep(WizardStep):
    """The child (birth or due date, multiples, weeks early, disability) and older siblings."""

    title_key = "ui.eg.step_child"
    CHILD = "household.children[0]"

    def build(self) -> None:
        language = self.language
        lang = language
        self.parents: list[dict[str, Any]] = []
        self.birth = DateField("ui.eg.child_birth", lang)
        self.expected = CheckField("ui.eg.expected", lang)
        self.count = ChoiceField("ui.eg.count", lang, COUNT_OPTIONS, width="28em")
        self.weeks_early = ChoiceField("ui.eg.weeks_early", lang, whole_numbers(0, 20), width="22em")
        self.disability = CheckField("ui.eg.disability", lang)
        self.fragen = kind_fragen(lang)  # the family-shape questions every wizard asks (ui/kit/familie.py)
        self.relation, self.taken_in = self.fragen[RELATION], self.fragen["placement.date"]
        self.siblings = RowList("household.children", self._sibling_row, lang, "ui.eg.add_sibling",
                                "ui.eg.remove_sibling", lambda: self.on_change(), lambda r: self.on_error(r))
        for field in (*self._child_fields().values(), self.count, *self.fragen.values()):
            self.watch(field)
        from ipywidgets import HTML

        from workbench.i18n import text

        siblings_heading = HTML(f'<h3 lang="{lang}">{text("ui.eg.siblings", lang)}</h3>')
        first, *rest = [f.widget for f in self._child_fields().values()]
        self.body.children = (first, self.count.widget, *rest, *[f.widget for f in self.fragen.values()],
                              siblings_heading, self.siblings.widget)
        self._show_taken_in()

    def _show_taken_in(self) -> None:
        """The day of taking in is asked only for a child taken in (§ 1 Abs. 3 Satz 2 BEEG), why and how related
        only for relatives (§ 1 Abs. 4 BEEG)."""
        fragen_in_use(self.fragen)

    def _child_fields(self) -> dict[str, Field]:
        c = self.CHILD
        return {f"{c}.birth_date": self.birth, f"{c}.expected": self.expected,
                f"{c}.weeks_early": self.weeks_early, f"{c}.disability": self.disability}

    def _sibling_row(self, index: int) -> Row:
        lang = self.language
        months: dict[str, Field] = {pid: LebensmonateField("ui.eg.sibling_elterngeld", lang) for pid in PARENT_IDS}
        elterngeld_vorher_fields(index + 1, self.parents, lang, months)  # labelled with the parents' names
        return Row({"birth_date": DateField("ui.eg.sibling_birth", lang),
                    "disability": CheckField("ui.eg.disability", lang),
                    **{f"{EG}{pid}": f for pid, f in months.items()}}, "ui.eg.sibling_heading")

    def fields(self) -> dict[str, Field]:
        # siblings are children[1], children[2], ...: shift the list's own numbering by one
        siblings: dict[str, Field] = {}
        for i, row in enumerate(self.siblings.rows):
            siblings.update({f"household.children[{i + 1}].{rel}": f for rel, f in row.fields.items()
                             if not rel.startswith(EG)})
            # "Elterngeld für dieses Kind bezogen": skipped in the assessment period (§ 2b Abs. 1 Satz 2 Nr. 1 BEEG)
            months = {pid: row.fields[f"{EG}{pid}"] for pid in PARENT_IDS}
            siblings.update(elterngeld_vorher_fields(i + 1, self.parents, self.language, months))
        return {**self._child_fields(), **fragen_paths(self.fragen, self.CHILD), **siblings}

    def area(self) -> tuple[str, ...]:
        return ("household.children",)

    def load(self, data: dict[str, Any]) -> None:
        self.parents = list((data.get("household") or {}).get("parents") or [])
        children, twins = plan_birth_first(data)
        self.siblings.resize(max(0, len(children) - 1 - len(twins)))
        parent_ids = parent_ids_of(data)
        self.relation.write(relation_of(children[0], parent_ids) if children else "both")
        self._show_taken_in()
        super().load(data)
        self.count.write(1 + len(twins))

    def store(self, data: dict[str, Any], lenient: bool = False) -> bool:
        household = data.setdefault("household", {})
        children, twins = plan_birth_first(data)
        children = children or [{"id": PLAN_CHILD}]
        older = self.siblings.resize_items(children[1:len(children) - len(twins)], lambda i: {"id": f"G{i + 1}"})
        for i, sibling in enumerate(older):
            sibling["id"] = f"G{i + 1}"
        household["children"] = [children[0], *older, *twins]
        plan = data.setdefault("elterngeld_plan", {"child": PLAN_CHILD, "months": {}})
        plan["child"] = PLAN_CHILD
        self._show_taken_in()
        parent_ids = parent_ids_of(data)
        write_relation(children[0], self.relation.read(), parent_ids)
        self.parents = list(household.get("parents") or [])
        ok = super().store(data, lenient)
        for sibling in household["children"][1:len(household["children"]) - len(twins)]:
            tidy_receives(sibling)
        size = self.count.read() if lenient else self.count.check()
        household["children"] = resize_birth(household["children"], household["children"][0]["id"], int(size or 1))
        return ok

    def checks(self, data: dict[str, Any]) -> list[tuple[str, str]]:
        from workbench.i18n import text
        from workbench.rules.elterngeld.geburten import check_modelled

        children = data["household"]["children"]
        birth = date.fromisoformat(children[0]["birth_date"])
        try:
            check_modelled(birth, self.language)
        except UnsupportedPeriod as error:
            return [(f"{self.CHILD}.birth_date", str(error))]
        return [(f"household.children[{i}].birth_date", text("ui.eg.sibling_later", self.language))
                for i, c in enumerate(children[1:], 1)
                if c.get("birth") is None or c.get("birth") != children[0].get("birth")
                if date.fromisoformat(c["birth_date"]) >= birth]
