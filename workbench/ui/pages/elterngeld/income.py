"""Steps of the Elterngeld wizard about money: Einkommen je Elternteil, Arbeit nach der Geburt."""

from __future__ import annotations

import copy
import html
from decimal import Decimal
from typing import Any

import ipywidgets as w

from workbench.errors import WorkbenchError
from workbench.i18n import text
from workbench.ui.kit.fields import CheckField, ChoiceField, Field, MoneyField, NumberField, whole_numbers
from workbench.ui.kit.lists import Row, RowList
from workbench.ui.kit.parents import ParentSection, PerParentStep, parent_heading, parent_label, per_parent

KINDS = [("ui.eg.kind_employee", "employee"), ("ui.eg.kind_minijob", "minijob"),
         ("ui.eg.kind_self_employed", "self_employed"), ("ui.eg.kind_mixed", "mixed"), ("ui.eg.kind_none", "none")]
INSURANCE = [("ui.eg.health_statutory", "statutory"), ("ui.eg.health_voluntary", "statutory_voluntary"),
             ("ui.eg.health_private", "private"), ("ui.eg.health_none", "none")]


def allowances(language: str) -> list[tuple[str, int | float]]:
    """Kinderfreibetragszähler 0, 0,5, 1, … 5 as dropdown options."""
    options: list[tuple[str, int | float]] = []
    for n in range(0, 11):
        label = f"{n / 2:g}"
        options.append((label.replace(".", ",") if language == "de" else label, n // 2 if n % 2 == 0 else n / 2))
    return options


# which income fields each kind uses (case-format.md, income_before_birth)
USES = {
    "employee": {"gross_monthly", "tax_class", "factor", "church_tax", "child_allowances", "health_insurance",
                 "pension_insured", "unemployment_insured"},
    "minijob": {"gross_monthly"},
    "self_employed": {"annual_profit", "church_tax", "child_allowances", "health_insurance",
                      "pension_insured", "unemployment_insured"},
    "none": set(),
}
USES["mixed"] = USES["employee"] | {"annual_profit"}


class IncomeForm(ParentSection):
    """The income of one parent before the birth; fields shown according to the kind of income."""

    def __init__(self, index: int, language: str) -> None:
        lang = language
        self.income: dict[str, Field] = {
            "kind": ChoiceField("ui.eg.income_kind", lang, KINDS),
            "gross_monthly": MoneyField("ui.eg.gross_before", lang, example=3000),
            "tax_class": ChoiceField("ui.eg.tax_class", lang, whole_numbers(1, 6), width="22em"),
            "factor": NumberField("ui.eg.factor", lang, Decimal("0.001"), Decimal("0.999"),
                                  "ui.error.factor", optional=True),
            "church_tax": CheckField("ui.eg.church_tax", lang),
            "child_allowances": ChoiceField("ui.eg.child_allowances", lang, allowances(lang), width="22em"),
            "health_insurance": ChoiceField("ui.eg.health_insurance", lang, INSURANCE),
            "pension_insured": CheckField("ui.eg.pension_insured", lang, default=True),
            "unemployment_insured": CheckField("ui.eg.unemployment_insured", lang, default=True),
            "annual_profit": MoneyField("ui.eg.annual_profit", lang, example=40000),
        }
        self.parent: dict[str, Field] = {
            "taxable_income_last_year": MoneyField("ui.eg.taxable_income", lang, optional=True, example=45000),
            "gives_birth": CheckField("ui.eg.gives_birth", lang),  # ADR 0039: who is pregnant, never the order
            "maternity_benefit": CheckField("ui.eg.maternity_benefit", lang),
            "include_skipped_months": CheckField("ui.eg.include_skipped", lang),  # § 2b Abs. 1 Satz 3 BEEG
        }
        super().__init__(f"household.parents[{index}]", [*self.income.values(), *self.parent.values()],
                         self.income["kind"])
        # which months the wage is the average of (§ 2b Abs. 1 BEEG): shown below the wage
        self.period = w.HTML()
        self.period.add_class("wb-hint")
        boxes = list(self.widget.children)
        at = boxes.index(self.income["gross_monthly"].widget) + 1
        self.widget.children = tuple(boxes[:at] + [self.period] + boxes[at:])
        self.skipping = False
        self.income["tax_class"].observe(lambda _c: self.show_kind())
        self.suggest_maternity = False  # the case has no answer yet: the box follows kind and insurance
        self._suggesting = False
        self.income["kind"].observe(lambda _c: self._suggest_maternity())
        self.income["health_insurance"].observe(lambda _c: self._suggest_maternity())
        self.parent["gives_birth"].observe(lambda _c: self._suggest_maternity())
        self.parent["maternity_benefit"].observe(lambda _c: self._answered())
        self.show_kind()

    def suggest_defaults(self, parent: dict[str, Any], household: dict[str, Any], index: int) -> None:
        """Preselect what the law makes likely where the case has no answer yet.

        - Steuerklasse IV for a married couple: both spouses employed get class IV unless they choose
          otherwise (§ 38b Abs. 1 Satz 2 Nr. 4 EStG), class I otherwise (Nr. 1).
        - "bekommt Mutterschaftsgeld" for the parent who gives birth to the child ("bringt das Kind zur Welt",
          ``gives_birth``) when she is employed and in the statutory health insurance (§ 24i SGB V, § 20 MuSchG),
          unless another parent already gets it. Never from the order of the parents (ADR 0039): two mothers,
          two fathers and a pregnant second parent are all families; for an adopted or foster child nobody
          gives birth in the household and nobody gets Mutterschaftsgeld.
        """
        # Only a parent whose income was never entered has no answer yet: a saved case leaves out what equals
        # the model's default (maternity_benefit false, tax_class 1), and opening it must change nothing
        # (Lesen schreibt nie, ADR 0016).
        fresh = "income_before_birth" not in parent
        if fresh:
            married = bool(household.get("married")) and len(household.get("parents", [])) == 2
            self.income["tax_class"].write(4 if married else 1)
            self.show_kind()
        others = [p for i, p in enumerate(household.get("parents", [])) if i != index]
        children = household.get("children") or [{}]
        placed = isinstance(children[0], dict) and children[0].get("placement") is not None  # the planned child
        self.suggest_maternity = (fresh and "maternity_benefit" not in parent and not placed
                                  and not any(p.get("maternity_benefit") for p in others))
        self.parent["gives_birth"].widget.layout.display = "none" if placed else None
        self._suggest_maternity()

    def _suggest_maternity(self) -> None:
        if not self.suggest_maternity:
            return
        likely = bool(self.parent["gives_birth"].read()) and self.kind in ("employee", "mixed") and \
            self.income["health_insurance"].input.value in ("statutory", "statutory_voluntary")
        self._suggesting = True
        try:
            self.parent["maternity_benefit"].write(likely)
        finally:
            self._suggesting = False

    def _answered(self) -> None:
        """The advisor clicked the box: her answer stands from now on."""
        if not self._suggesting:
            self.suggest_maternity = False

    @property
    def kind(self) -> str:
        return str(self.income["kind"].input.value)

    def show_kind(self) -> None:
        used = USES[self.kind]
        for name, field in self.income.items():
            visible = name == "kind" or name in used
            if name == "factor":
                visible = visible and self.income["tax_class"].input.value == 4
            field.widget.layout.display = None if visible else "none"
        wage = "gross_monthly" in used
        self.period.layout.display = None if wage and self.period.value else "none"
        self.parent["include_skipped_months"].widget.layout.display = None if wage and self.skipping else "none"

    def show_period(self, months: list[tuple[int, int]] | None, skipping: bool, language: str) -> None:
        """The assessment period under the wage: the months whose average to enter (§ 2b Abs. 1 BEEG)."""
        self.skipping = skipping
        if not months:
            self.period.value = ""
        else:
            key = "ui.eg.period_skipped" if skipping else "ui.eg.period"
            words = text(key, language, months=month_spans(months))
            self.period.value = f'<p lang="{language}">{html.escape(words)}</p>'
        self.show_kind()

    def fields(self) -> dict[str, Field]:
        """The fields in use for this kind, by case path."""
        used = USES[self.kind] | {"kind"}
        if self.income["tax_class"].input.value != 4:
            used = used - {"factor"}
        income = {f"{self.prefix}.income_before_birth.{n}": f for n, f in self.income.items() if n in used}
        return {**income, **{f"{self.prefix}.{n}": f for n, f in self.parent.items()}}


def month_spans(months: list[tuple[int, int]]) -> str:
    """Calendar months as spans: ``08/2024–12/2024, 02/2026–08/2026``."""
    spans: list[list[tuple[int, int]]] = []
    for month in sorted(months):
        last = spans[-1][-1] if spans else None
        following = (last[0] + 1, 1) if last and last[1] == 12 else (last[0], last[1] + 1) if last else None
        if following == month:
            spans[-1].append(month)
        else:
            spans.append([month])
    label = [f"{m:02d}/{y}" for y, m in (s[0] for s in spans)], [f"{m:02d}/{y}" for y, m in (s[-1] for s in spans)]
    return ", ".join(a if a == b else f"{a}–{b}" for a, b in zip(*label))


class EinkommenStep(PerParentStep):
    """Income before the birth, one section per parent, every kind of the case format."""

    title_key = "ui.eg.step_income"
    part = "income_before_birth"

    def build(self) -> None:
        self.forms: list[IncomeForm] = []

    def _form(self, index: int) -> IncomeForm:
        form = IncomeForm(index, self.language)
        for field in [*form.income.values(), *form.parent.values()]:
            self.watch(field)
        for name in ("maternity_benefit", "include_skipped_months"):
            form.parent[name].observe(lambda _c: self._periods())
        return form

    def _periods(self) -> None:
        """Each parent's assessment period as the case says it with this step's boxes (nothing while the case is
        incomplete): Mutterschutz and Elterngeld for an older child are skipped unless the parent applies."""
        from workbench.case import Case
        from workbench.evaluation.elterngeld.aufnahme import bemessung_der_loehne
        from workbench.ui.kit.step import validation_candidate

        data = getattr(self, "_data", None)
        if data is None:
            return
        candidate = validation_candidate(copy.deepcopy(data))
        parents = candidate["household"]["parents"]
        for form, parent in zip(self.forms, parents):
            # the period does not depend on the pay, and half-typed pay would stop the model
            parent["income_before_birth"] = {"kind": "none"}
            parent.pop("income_after_birth", None)
            parent["maternity_benefit"] = bool(form.parent["maternity_benefit"].input.value)
            parent["include_skipped_months"] = bool(form.parent["include_skipped_months"].input.value)
        try:
            case = Case.model_validate(candidate)
            periods = [bemessung_der_loehne(case, p) for p in case.household.parents]
        except (ValueError, KeyError, WorkbenchError):  # an incomplete case or a date outside the rules
            periods = []
        for i, form in enumerate(self.forms):
            months, skipping, kept = periods[i] if i < len(periods) else (None, False, False)
            form.show_period(months, skipping or kept, self.language)

    def ensure_sections(self, data: dict[str, Any]) -> None:
        parents = data.get("household", {}).get("parents", [])
        per_parent(self.forms, parents, self._form)
        for i, (form, parent) in enumerate(zip(self.forms, parents)):
            form.heading.value = parent_heading(parent, i, self.language)
        self.body.children = tuple(f.widget for f in self.forms)

    def parent_sections(self) -> list[IncomeForm]:
        return self.forms

    def load(self, data: dict[str, Any]) -> None:
        self.ensure_sections(data)
        self._data = data
        super().load(data)
        household = data.get("household", {})
        for index, (form, parent) in enumerate(zip(self.forms, household.get("parents", []))):
            form.suggest_defaults(parent, household, index)
            form.show_kind()
        self._periods()

    def shown(self, data: dict[str, Any]) -> None:
        self.ensure_sections(data)
        self._data = data
        self._periods()

    def store(self, data: dict[str, Any], lenient: bool = False) -> bool:
        self.ensure_sections(data)
        for i, form in enumerate(self.forms):
            # a fresh object: values of another kind (a profit after switching to employee) must go
            data["household"]["parents"][i]["income_before_birth"] = {"kind": form.kind}
        return super().store(data, lenient)


class ArbeitStep(PerParentStep):
    """Part-time work after the birth: ranges of Lebensmonate with gross and hours, per parent."""

    title_key = "ui.eg.step_work"
    part = "income_after_birth"

    def build(self) -> None:
        language = self.language
        self.lists: list[RowList] = []
        self.headings: list[w.HTML] = []
        hint = w.HTML(f'<p lang="{language}">{html.escape(text("ui.eg.work_hint", language))}</p>')
        self.sections = w.VBox([])
        self.body.children = (hint, self.sections)

    def _range_row(self, index: int) -> Row:
        lang = self.language
        return Row({"from_month": ChoiceField("ui.eg.from_month", lang, whole_numbers(1, 32), width="22em"),
                    "to_month": ChoiceField("ui.eg.to_month", lang, whole_numbers(1, 32), width="22em"),
                    "gross_monthly": MoneyField("ui.eg.gross_after", lang, example=1500),
                    "hours_per_week": NumberField("ui.eg.hours", lang, Decimal(0), Decimal(60), "ui.error.hours")},
                   "ui.eg.range_heading", level=4)

    def _ranges(self, index: int) -> RowList:
        return RowList(f"household.parents[{index}].income_after_birth", self._range_row, self.language,
                       "ui.eg.add_range", "ui.eg.remove_range", lambda: self.on_change(), lambda r: self.on_error(r))

    def ensure_sections(self, data: dict[str, Any]) -> None:
        parents = data.get("household", {}).get("parents", [])
        per_parent(self.lists, parents, self._ranges)
        per_parent(self.headings, parents, lambda _index: w.HTML())
        for i, parent in enumerate(parents):
            self.headings[i].value = parent_heading(parent, i, self.language)
            self.lists[i].add.description = text("ui.eg.add_range_for", self.language, parent=parent_label(parent, i, self.language))
        self.sections.children = tuple(
            box for heading, rows in zip(self.headings, self.lists) for box in (heading, rows.widget))

    def parent_sections(self) -> list[RowList]:
        return self.lists

    def load(self, data: dict[str, Any]) -> None:
        self.ensure_sections(data)
        for i, parent in enumerate(data.get("household", {}).get("parents", [])):
            self.lists[i].resize(len(parent.get("income_after_birth", [])))
        super().load(data)

    def shown(self, data: dict[str, Any]) -> None:
        self.ensure_sections(data)

    def store(self, data: dict[str, Any], lenient: bool = False) -> bool:
        self.ensure_sections(data)
        for i, rows in enumerate(self.lists):
            parent = data["household"]["parents"][i]
            parent["income_after_birth"] = rows.resize_items(parent.get("income_after_birth", []), lambda _i: {})
        return super().store(data, lenient)

