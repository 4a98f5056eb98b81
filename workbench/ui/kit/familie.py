"""The family's shape, asked the same way in every wizard (issue 16, ADR 0039).

- The family step every wizard about a child opens with (Elterngeld, Leistungscheck, Mutterschutz, Elternzeit):
  one or two parents with first names, married, single parent; and the ids the wizards give the parents and the
  planned child.
- Per child, the family-shape questions (:func:`kind_fragen`): "Zwillinge/Mehrlinge?", "Wessen Kind?" with the day
  of taking in and, for relatives caring in the parents' stead, why and how related; "Zwilling des Kindes
  darüber", "Kind lebt auch beim anderen Elternteil?", "bekommt schon Kindergeld (Nummer)?"; for an older child
  the Elterngeld received for it. The steps place them; the answers' meaning for the case lives in
  :mod:`workbench.ui.kit.herkunft`.
"""

from __future__ import annotations

from typing import Any

from workbench.ui.kit.fields import CheckField, ChoiceField, DateField, Field, FieldError, TextField
from workbench.ui.kit.lists import Row, RowList
from workbench.ui.kit.step import WizardStep

from workbench.ui.kit.herkunft import PLACED, RELATION, RELATION_OPTIONS, TWIN

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

    def ready_to_save(self, data: dict[str, Any]) -> bool:
        return identifiable(data)

    def checks(self, data: dict[str, Any]) -> list[tuple[str, str]]:
        from workbench.i18n import text

        from workbench.ui.kit.plausibel import parent_birth_problems

        # walk9 N6: "Weiter" on an empty step saved a case nobody could find again
        named = [] if identifiable(data) else [("household.parents[0].name", text("ui.eg.name_needed", self.language))]
        household = data["household"]
        if household.get("single_parent") and len(household["parents"]) > 1:
            return [*named, ("household.single_parent", text("ui.eg.single_with_two", self.language))]
        return [*named, *parent_birth_problems(data, self.language)]  # a parent born in 1900 is a typing error


def identifiable(data: dict[str, Any]) -> bool:
    """Whether a case can be saved: a parent has a first name, or the advisor chose "Anonym beraten".

    A case with neither would be listed on the start page as "–" beside its number (walk9 N6); the anonymous
    case is found by its number, which the page shows after the first save (docs/beratung.md).
    """
    if data.get("anonymous"):
        return True
    parents = (data.get("household") or {}).get("parents") or []
    return any(str(p.get("name") or "").strip() for p in parents if isinstance(p, dict))


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


class LebensmonateField(TextField):
    """Lebensmonate in plain words ("1–12", "1–10, 13–14"; empty: none) for a case's month letters ("B…B--BB").

    It records in which Lebensmonate of an older child a parent received Elterngeld (``receives.elterngeld``):
    those calendar months are skipped in the assessment period of the younger child (§ 2b Abs. 1 Satz 2 Nr. 1
    BEEG). Basis or Plus does not matter for that, so every month reads as ``B``.
    """

    LAST = 32

    def read(self) -> str | None:
        raw = str(self.input.value).strip()
        if not raw:
            return None
        months: set[int] = set()
        for part in raw.replace("–", "-").replace(";", ",").split(","):
            bounds = [b.strip() for b in part.split("-")]
            if not part.strip() or len(bounds) > 2 or not all(b.isdigit() for b in bounds):
                raise FieldError("ui.error.lebensmonate")
            first, last = int(bounds[0]), int(bounds[-1])
            if not 1 <= first <= last <= self.LAST:
                raise FieldError("ui.error.lebensmonate")
            months.update(range(first, last + 1))
        return "".join("B" if m in months else "-" for m in range(1, max(months) + 1))

    def write(self, value: Any) -> None:
        if not isinstance(value, str) or not value.strip("-"):
            self.input.value = ""
            return
        from workbench.rules.elterngeld.lebensmonate import consecutive_runs

        runs = consecutive_runs(m for m, code in enumerate(value, 1) if code != "-")
        self.input.value = ", ".join(f"{r[0]}–{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)


def elterngeld_vorher_fields(index: int, parents: list[dict[str, Any]], language: str,
                             fields: dict[str, Field]) -> dict[str, Field]:
    """The "Elterngeld für dieses Kind bezogen" questions of an older child at ``household.children[index]``,
    one per parent of the household (labelled with the parent's name), by case path."""
    from workbench.i18n import text
    from workbench.ui.kit.parents import parent_label

    out: dict[str, Field] = {}
    for number, parent in enumerate(parents[:len(PARENT_IDS)]):
        field = fields[PARENT_IDS[number]]
        name = parent_label(parent, number, language)
        field.input.description = text("ui.eg.sibling_elterngeld", language, parent=name)
        pid = str(parent.get("id") or PARENT_IDS[number])
        out[f"household.children[{index}].receives.elterngeld.{pid}"] = field
    for number in range(len(parents), len(PARENT_IDS)):
        fields[PARENT_IDS[number]].widget.layout.display = "none"
    for number in range(min(len(parents), len(PARENT_IDS))):
        fields[PARENT_IDS[number]].widget.layout.display = None
    return out


def tidy_receives(child: dict[str, Any]) -> None:
    """Drop what the questions left empty: a parent without Elterngeld months, an empty ``receives``."""
    receives = child.get("receives")
    if not isinstance(receives, dict):
        return
    got = receives.get("elterngeld")
    if isinstance(got, dict):
        got = {pid: codes for pid, codes in got.items() if codes}
        if got:
            receives["elterngeld"] = got
        else:
            receives.pop("elterngeld")
    if not receives:
        child.pop("receives")


REASONS = [("ui.kind.reason_illness", "illness"), ("ui.kind.reason_disability", "disability"),
           ("ui.kind.reason_death", "death")]
"""Why the parents cannot care for the child: the three reasons § 1 Abs. 4 BEEG names."""
DEGREES = [("ui.kind.degree_2", 2), ("ui.kind.degree_3", 3), ("ui.kind.degree_4", 4)]
"""How the relatives are related to the child (§ 1589 BGB): up to the third degree they may get Elterngeld."""
RUNNING = "receives.kindergeld_running"
"""The "bekommt schon Kindergeld" box: it makes (or removes) ``receives.kindergeld``, no case field of its own."""


def kind_fragen(language: str, *, twin: bool = False, kindergeld: bool = False) -> dict[str, Field]:
    """The family-shape questions of one child, by path relative to the child (``RELATION``, ``TWIN`` and ``RUNNING``
    have no case path of their own): whose child and the placement's facts, optionally "twin of the child above",
    shared care and Kindergeld already running."""
    lang = language
    out: dict[str, Field] = {}
    if kindergeld:
        out["situation.shared_care"] = CheckField("ui.lc.shared_care", lang)
        out[RUNNING] = CheckField("ui.lc.kindergeld_running", lang)
        out["receives.kindergeld.number"] = TextField("ui.lc.kindergeld_number", lang)
    if twin:
        out[TWIN] = CheckField("ui.kind.twin_of_previous", lang)
    out[RELATION] = ChoiceField("ui.kind.relation", lang, RELATION_OPTIONS)  # ADR 0032
    out["placement.date"] = DateField("ui.kind.placement_date", lang, empty_key=None)
    out["placement.reason"] = ChoiceField("ui.kind.reason", lang, REASONS)  # § 1 Abs. 4 BEEG
    out["placement.degree"] = ChoiceField("ui.kind.degree", lang, DEGREES)
    return out


def fragen_in_use(questions: dict[str, Field]) -> set[str]:
    """The placement questions the "Wessen Kind?" answer asks (the day only when taken in, why and how related
    only for relatives, § 1 Abs. 3 Satz 2, Abs. 4 BEEG); hides the others."""
    relation = questions[RELATION].read()
    used = {"placement.date"} if relation in PLACED else set()
    if relation == "relatives":
        used |= {"placement.reason", "placement.degree"}
    for name in ("placement.date", "placement.reason", "placement.degree"):
        questions[name].widget.layout.display = None if name in used else "none"
    return used


def fragen_paths(questions: dict[str, Field], prefix: str) -> dict[str, Field]:
    """The questions with a case path below ``prefix`` that the answers ask now (virtual ones left out)."""
    used = fragen_in_use(questions)
    virtual = (RELATION, TWIN, RUNNING)
    return {f"{prefix}.{name}": f for name, f in questions.items()
            if name not in virtual and (not name.startswith("placement.") or name in used)}
