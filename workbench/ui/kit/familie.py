"""The family step every wizard about a child opens with (Elterngeld, Leistungscheck, Mutterschutz,
Elternzeit): one or two parents with first names, married, single parent; and the ids the wizards give
the parents and the planned child."""

from __future__ import annotations

from typing import Any

from workbench.ui.kit.fields import CheckField, DateField, Field, TextField
from workbench.ui.kit.lists import Row, RowList
from workbench.ui.kit.step import WizardStep

PARENT_IDS = ("A", "B")
PLAN_CHILD = "K1"
COUNT_OPTIONS = [("ui.eg.single_birth", 1), ("ui.eg.twins", 2), ("ui.eg.triplets", 3), ("ui.eg.quadruplets", 4)]


class FamilieStep(WizardStep):
    """One or two parents with first names; married; single parent."""

    title_key = "ui.eg.step_family"

    def build(self) -> None:
        language = self.language
        self.anonymous = CheckField("ui.privacy.anonymous", language)  # workbench/case/privacy.py
        self.anonymous.observe(lambda _change: self._apply_anonymous())
        self.married = CheckField("ui.eg.married", language)
        self.single = CheckField("ui.eg.single_parent", language)
        self.parents = RowList("household.parents", self._parent_row, language, "ui.eg.add_parent",
                               "ui.eg.remove_parent", lambda: self.on_change(), lambda r: self.on_error(r),
                               min_rows=1, max_rows=2)
        for field in (self.anonymous, self.married, self.single):
            self.watch(field)
        self.body.children = (self.anonymous.widget, self.parents.widget, self.married.widget, self.single.widget)

    def _parent_row(self, index: int) -> Row:
        lang = self.language
        row = Row({"name": TextField("ui.eg.first_name", lang),
                   "birth_date": DateField("ui.eg.parent_birth_date", lang, empty_key=None)}, "ui.eg.parent_heading")
        if getattr(self, "anonymous", None) is not None and self.anonymous.read():
            for field in row.fields.values():
                field.input.disabled = True
        return row

    def _apply_anonymous(self) -> None:
        """Anonymous: the names and birth dates are emptied and locked (nothing of them is saved)."""
        anonymous = self.anonymous.read()
        for row in self.parents.rows:
            for field in row.fields.values():
                if anonymous:
                    field.write(None)
                field.input.disabled = anonymous

    def fields(self) -> dict[str, Field]:
        return {"anonymous": self.anonymous, "household.married": self.married,
                "household.single_parent": self.single, **self.parents.fields()}

    def area(self) -> tuple[str, ...]:
        return ("anonymous", "household.married", "household.single_parent", "household.parents")

    def load(self, data: dict[str, Any]) -> None:
        self.parents.resize(max(1, len(data.get("household", {}).get("parents", []))))
        super().load(data)

    def store(self, data: dict[str, Any], lenient: bool = False) -> bool:
        household = data.setdefault("household", {})
        household["parents"] = self.parents.resize_items(household.get("parents", []),
                                                         lambda i: {"id": PARENT_IDS[i]})
        kept = {p["id"] for p in household["parents"]}
        plan = data.get("elterngeld_plan") or {}
        plan["months"] = {pid: m for pid, m in plan.get("months", {}).items() if pid in kept}
        return super().store(data, lenient)

    def checks(self, data: dict[str, Any]) -> list[tuple[str, str]]:
        from workbench.i18n import text

        from workbench.ui.kit.plausibel import parent_birth_problems

        household = data["household"]
        if household.get("single_parent") and len(household["parents"]) > 1:
            return [("household.single_parent", text("ui.eg.single_with_two", self.language))]
        return parent_birth_problems(data, self.language)  # a parent born in 1900 is a typing error


def keep_birth_together(data: dict[str, Any]) -> None:
    """The other children of the first child's birth take its date, ``expected`` and weeks early again
    (a step that edits ``household.children[0]`` alone must not split twins, ADR 0027)."""
    from workbench.case.births import birth_size_in, resize_birth

    children = (data.get("household") or {}).get("children")
    if isinstance(children, list) and children and isinstance(children[0], dict) and children[0].get("id"):
        first = children[0]["id"]
        data["household"]["children"] = resize_birth(children, first, birth_size_in(children, first))


def plan_birth_first(data: dict[str, Any]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The case's children in the order the wizards show them, and the plan child's twins.

    The planned child first, the older siblings next (one row each), the other children of the planned
    child's birth last (the "Zwillinge/Mehrlinge?" choice stands for them, ADR 0027). The order is written
    back into ``data`` so that the steps' field paths ``household.children[i]`` meet the right child.
    """
    household = data.get("household")
    if not isinstance(household, dict):
        return [], []
    children = household.get("children")
    if not isinstance(children, list) or not children:
        return [], []
    wanted = next((part.get("child") for part in (data.get("elterngeld_plan"), data.get("mutterschutz"))
                   if isinstance(part, dict) and part.get("child")), None)
    plan = next((c for c in children if isinstance(c, dict) and c.get("id") == wanted), children[0])
    birth = plan.get("birth") if isinstance(plan, dict) else None
    twins = [c for c in children if c is not plan and birth is not None and isinstance(c, dict) and c.get("birth") == birth]
    others = [c for c in children if c is not plan and not any(c is t for t in twins)]
    household["children"] = [plan, *others, *twins]
    return household["children"], twins
