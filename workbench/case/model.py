"""The case file, format ``workbench-case/4`` (contract: ``docs/case-format.md``; ``/1`` to ``/3`` are migrated).

One JSON file holds what an advisor collects about one family: the household, the
Elterngeld plan under discussion, and notes. These pydantic models are the single
source of truth for the format; ``case_json_schema()`` prints it as JSON Schema.

- Unknown keys are an error everywhere (``extra="forbid"``): a typo must not be
  silently ignored. Missing optional keys take the defaults of case-format.md.
- Money is ``Decimal`` from JSON numbers, at most two decimals, never negative.
- Dates are ISO ``YYYY-MM-DD``; Lebensmonate count from 1 (at most 32).
- ``load_case`` raises :class:`~workbench.errors.CaseError` with one line per problem,
  ``path: text`` in the case's language (see :mod:`workbench.case.messages`).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, model_validator

from workbench.case.fields import (
    CODE_KINDS, LEBENSMONATE, CaseId, ChildAllowances, Factor, HealthInsurance, Hours, Identifier,
    IncomeKind, IsoDate, Lebensmonat, Money, MonthKey, PlanMonths, TaxClass, WeeksEarly, format_check,
)
from workbench.case.fields import CaseModel as _Model
from workbench.case.bezug import ChildReceives
from workbench.case.births import MAX_PER_BIRTH, birth_of, check_births
from workbench.case.verhaeltnis import Placement, check_relations
from workbench.case.plausible import check_parent_births
from workbench.case.alternatives import MAX_ALTERNATIVES, AlternativePlan, check_alternatives
from workbench.case.constraints import PlanConstraints, ReturnToWork
from workbench.case.lebenslagen import Elternzeit, Mutterschutz, check_references
from workbench.case.pflege import Care, KitaWish, Vorsorge
from workbench.case.antragsmappe import Antragsmappe, check_applications
from workbench.case.zuzug import Zuzug
from workbench.case.household import CURRENT_FORMAT, migrate, ChildSituation, CurrentIncome, HouseholdBenefits, Housing
from workbench.case.personal import Address, ChildPersonal, OtherParent, ParentPersonal
from workbench.case.privacy import identifying_paths
from workbench.case.messages import format_validation_error, json_path, load_case_data, problem, validation_problems

__all__ = [
    "AlternativePlan", "Case", "Child", "ElterngeldPlan", "Household", "Housing", "IncomeAfterBirth", "IncomeBeforeBirth",
    "Parent", "PlanConstraints", "ReturnToWork", "case_json_schema", "dump_case", "format_validation_error", "load_case",
    "validation_problems",
]


class IncomeBeforeBirth(_Model, title="Einkommen vor der Geburt"):
    """Income in the assessment period before the birth (case-format.md, ``income_before_birth``)."""

    kind: IncomeKind = Field(description="Art des Einkommens vor der Geburt")
    gross_monthly: Money | None = Field(default=None, description="Durchschnittlicher laufender Bruttolohn im Monat")
    gross_by_month: dict[MonthKey, Money] | None = Field(default=None, min_length=1, max_length=12, description="Bruttolohn je Kalendermonat (JJJJ-MM) im Bemessungszeitraum")
    tax_class: TaxClass = Field(default=1, description="Steuerklasse 1 bis 6")
    factor: Factor | None = Field(default=None, description="Faktor bei Steuerklasse IV mit Faktor")
    church_tax: bool = Field(default=False, description="Kirchensteuerpflichtig")
    child_allowances: ChildAllowances = Field(default=Decimal("0.0"), description="Kinderfreibetragszähler (0, 0,5, 1, …)",
                                              json_schema_extra={"default": 0.0})
    health_insurance: HealthInsurance = Field(default="statutory", description="Krankenversicherung")
    pension_insured: bool = Field(default=True, description="Rentenversicherungspflichtig")
    unemployment_insured: bool = Field(default=True, description="Arbeitslosenversicherungspflichtig")
    annual_profit: Money | None = Field(default=None, description="Gewinn im Bemessungszeitraum (Selbständige)")

    @model_validator(mode="after")
    def _consistent(self) -> IncomeBeforeBirth:
        has_gross = self.gross_monthly is not None or self.gross_by_month is not None
        has_profit = self.annual_profit is not None
        wants_gross = self.kind in ("employee", "minijob", "mixed")
        wants_profit = self.kind in ("self_employed", "mixed")
        if self.gross_monthly is not None and self.gross_by_month is not None:
            raise problem("income_gross_twice", at="gross_by_month")
        if wants_gross and not has_gross:
            raise problem("income_gross_missing", at="gross_monthly", kind=self.kind)
        if wants_profit and not has_profit:
            raise problem("income_profit_missing", at="annual_profit", kind=self.kind)
        if has_gross and not wants_gross:
            field = "gross_monthly" if self.gross_monthly is not None else "gross_by_month"
            raise problem("income_gross_not_used", at=field, kind=self.kind)
        if has_profit and not wants_profit:
            raise problem("income_profit_not_used", at="annual_profit", kind=self.kind)
        if self.factor is not None and self.tax_class != 4:
            raise problem("factor_needs_class_4", at="factor", tax_class=self.tax_class)
        return self


class IncomeAfterBirth(_Model, title="Einkommen nach der Geburt"):
    """Part-time work in a range of Lebensmonate (case-format.md, ``income_after_birth[]``).

    Hours above 32 are accepted here: the planning rule ``hours_limit`` reports them.
    """

    from_month: Lebensmonat = Field(description="Erster Lebensmonat")
    to_month: Lebensmonat = Field(description="Letzter Lebensmonat")
    gross_monthly: Money = Field(description="Bruttoeinkommen im Monat")
    hours_per_week: Hours = Field(description="Wochenarbeitszeit in Stunden")

    @model_validator(mode="after")
    def _ordered(self) -> IncomeAfterBirth:
        if self.to_month < self.from_month:
            raise problem("month_order", at="to_month", from_month=self.from_month)
        return self

    def months(self) -> range:
        """The Lebensmonate of this range."""
        return range(self.from_month, self.to_month + 1)


class Parent(_Model, title="Elternteil"):
    """One parent (case-format.md, ``household.parents[]``)."""

    id: Identifier = Field(description="Kurze Kennung, eindeutig im Haushalt (z. B. A, B)")
    name: str | None = Field(default=None, description="Vorname")
    birth_date: IsoDate | None = Field(default=None, description="Geburtsdatum")
    income_before_birth: IncomeBeforeBirth = Field(
        default_factory=lambda: IncomeBeforeBirth(kind="none"), description="Einkommen vor der Geburt")
    taxable_income_last_year: Money | None = Field(default=None, description="Zu versteuerndes Einkommen des letzten Jahres (Einkommensgrenze)")
    maternity_benefit: bool = Field(default=False, description="Mutterschaftsgeld und Arbeitgeberzuschuss nach der Geburt")
    gives_birth: bool = Field(
        default=False, description="Bringt das geplante Kind zur Welt (ist schwanger): nur sie kann Mutterschutz und "
                                   "Mutterschaftsgeld haben; nie aus der Reihenfolge der Elternteile geschlossen")
    include_skipped_months: bool = Field(
        default=False, description="Antrag nach § 2b Abs. 1 Satz 3 BEEG: Monate mit Mutterschutz oder mit Elterngeld für "
                                   "ein älteres Kind zählen doch zum Bemessungszeitraum (werden nicht übersprungen)")
    income_after_birth: list[IncomeAfterBirth] = Field(
        default_factory=list, description="Teilzeit während des Elterngeldbezugs")
    current_income: CurrentIncome | None = Field(default=None, description="Aktuelles Einkommen (Leistungscheck)")
    personal: ParentPersonal | None = Field(default=None, description="Persönliche Angaben für Formulare")

    @model_validator(mode="after")
    def _no_overlap(self) -> Parent:
        for index, later in enumerate(self.income_after_birth):
            for other, earlier in enumerate(self.income_after_birth[:index]):
                if later.from_month <= earlier.to_month and earlier.from_month <= later.to_month:
                    raise problem("income_overlap", at=f"income_after_birth[{index}]", other=other,
                                  from_month=earlier.from_month, to_month=earlier.to_month)
        return self

    def income_in_month(self, month: int) -> IncomeAfterBirth | None:
        """The range of income after the birth covering Lebensmonat ``month``, if any."""
        return next((r for r in self.income_after_birth if r.from_month <= month <= r.to_month), None)


class Child(_Model, title="Kind"):
    """A child or an expected birth (case-format.md, ``household.children[]``)."""

    id: Identifier = Field(description="Kurze Kennung, eindeutig im Haushalt")
    birth_date: IsoDate = Field(description="Geburtsdatum oder errechneter Termin")
    expected: bool = Field(default=False, description="Geburt erwartet: birth_date ist der errechnete Termin")
    birth: Identifier | None = Field(
        default=None, description="Mehrlinge: gleiche Kennung bei allen Kindern einer Geburt (leer: Einzelgeburt)")
    weeks_early: WeeksEarly = Field(default=0, description="Volle Wochen vor dem errechneten Termin geboren")
    disability: bool = Field(default=False, description="Behinderung")
    situation: ChildSituation | None = Field(default=None, description="Schule, Ausbildung, Unterhalt (Leistungscheck)")
    personal: ChildPersonal | None = Field(default=None, description="Persönliche Angaben für Formulare")
    receives: ChildReceives | None = Field(default=None, description="Was für das Kind schon läuft (Kindergeld, KiZ, UVG)")
    parents: list[Identifier] | None = Field(
        default=None, max_length=2,
        description="Rechtliche Eltern im Haushalt: Kennungen (leer: alle Elternteile; Stiefkind: nur sein Elternteil; "
                    "Pflegekind: keiner)")
    placement: Placement | None = Field(
        default=None, description="Aufgenommen statt hineingeboren: angenommen, Adoptionspflege oder Vollzeitpflege, mit Tag")

    @model_validator(mode="before")
    @classmethod
    def _no_count(cls, data: Any) -> Any:
        """A ``count`` left after the migration is one no birth can have (or a /3 file using the old key)."""
        if isinstance(data, dict) and "count" in data:
            raise problem("count_replaced", at="count", max=MAX_PER_BIRTH)
        return data


class Household(_Model, title="Haushalt"):
    """The household (case-format.md, ``household``)."""

    municipality: str | None = Field(default=None, description="Wohnort")
    married: bool = Field(default=False, description="Verheiratet oder eingetragene Lebenspartnerschaft")
    single_parent: bool = Field(default=False, description="Alleinerziehend")
    housing: Housing | None = Field(default=None, description="Wohnkosten")
    parents: list[Parent] = Field(min_length=1, max_length=2, description="Ein oder zwei Elternteile")
    children: list[Child] = Field(default_factory=list, description="Kinder, auch erwartete (leer nur bei Pflege/Vorsorge, ADR 0011)")
    benefits: HouseholdBenefits | None = Field(default=None, description="Vermögen und bezogene Leistungen (Leistungscheck)")
    address: Address | None = Field(default=None, description="Anschrift des Haushalts (für Formulare)")
    other_parent: OtherParent | None = Field(
        default=None, description="Anderer Elternteil, der nicht im Haushalt lebt (Alleinerziehende, für Formulare)")

    @model_validator(mode="after")
    def _unique(self) -> Household:
        for field, ids in (("parents", [p.id for p in self.parents]), ("children", [c.id for c in self.children])):
            for index, item_id in enumerate(ids):
                if item_id in ids[:index]:
                    raise problem("duplicate_id", at=f"{field}[{index}].id", id=item_id)
        check_births(self.children)
        check_relations([p.id for p in self.parents], self.children)
        check_parent_births(self.parents, self.children)  # a parent born in 1900 is a typing error
        mothers = [i for i, p in enumerate(self.parents) if p.maternity_benefit]
        if len(mothers) > 1:
            raise problem("maternity_twice", at=f"parents[{mothers[1]}].maternity_benefit",
                          other=self.parents[mothers[0]].id)
        births = [i for i, p in enumerate(self.parents) if p.gives_birth]
        if len(births) > 1:
            raise problem("gives_birth_twice", at=f"parents[{births[1]}].gives_birth", other=self.parents[births[0]].id)
        return self

    def birth_of(self, child: Child) -> list[Child]:
        """The children born with ``child``, itself included (one entry per child, ADR 0027)."""
        return birth_of(self.children, child)

    def birth_size(self, child: Child) -> int:
        """How many children ``child`` was born with, itself included: 1 single, 2 twins, …"""
        return len(self.birth_of(child))


class ElterngeldPlan(_Model, title="Elterngeld-Plan"):
    """Who takes which Lebensmonat (case-format.md, ``elterngeld_plan``).

    ``months`` maps a parent id to one character per Lebensmonat from month 1: ``B``
    Basiselterngeld, ``P`` ElterngeldPlus, ``+`` Partnerschaftsbonus, ``-`` nothing.
    A list of the words basis/plus/bonus/none is accepted and stored as that string.
    """

    child: Identifier = Field(description="Kennung des Kindes, für das geplant wird")
    months: dict[Identifier, PlanMonths] = Field(description="Monate je Elternteil")
    constraints: PlanConstraints | None = Field(default=None, description="Vorgaben für die Optimierung")

    def kinds(self, parent_id: str) -> list[str]:
        """32 entries ``basis``/``plus``/``bonus``/``none``; a parent without months gets ``none``."""
        codes = self.months.get(parent_id, "").ljust(LEBENSMONATE, "-")
        return [CODE_KINDS[code] for code in codes]


class Case(_Model, title="Fall (workbench-case/4)"):
    """A whole case file, format ``workbench-case/4`` (docs/case-format.md); ``/1`` to ``/3`` are migrated first."""

    format: Annotated[Literal["workbench-case/4"], BeforeValidator(format_check)] = Field(
        description="Formatversion: workbench-case/4 (workbench-case/1 bis /3 werden beim Laden umgestellt)")

    @model_validator(mode="before")
    @classmethod
    def _migrate(cls, data: Any) -> Any:
        """Older formats validate as what they migrate to, however the data arrives (ADR 0027)."""
        return migrate(data)
    case_id: CaseId = Field(description="Aktenzeichen")
    language: Literal["de", "en"] = Field(default="de", description="Sprache der Meldungen und Ergebnisse")
    household: Household = Field(description="Haushalt")
    elterngeld_plan: ElterngeldPlan | None = Field(default=None, description="Elterngeld-Plan")
    mutterschutz: Mutterschutz | None = Field(default=None, description="Mutterschutz und Mutterschaftsgeld")
    elternzeit: Elternzeit | None = Field(default=None, description="Elternzeit beider Elternteile")
    elterngeld_alternatives: list[AlternativePlan] = Field(
        default_factory=list, max_length=MAX_ALTERNATIVES,
        description="Eigene Pläne der Beratung zum Vergleich (workbench/case/alternatives.py)")
    notes: str = Field(default="", description="Notizen")
    care: Care | None = Field(default=None, description="Pflege eines Angehörigen")
    kita: KitaWish | None = Field(default=None, description="Kita-Platz")
    vorsorge: Vorsorge | None = Field(default=None, description="Vorsorgevollmacht, Betreuungs- und Patientenverfügung")
    antragsmappe: Antragsmappe | None = Field(
        default=None, description="Was das Familienbüro mit den Anträgen getan hat (workbench/case/antragsmappe.py)")
    zuzug: Zuzug | None = Field(default=None, description="Neu in Bochum: Zuzug, Staatsangehörigkeit, Aufenthaltstitel")

    @model_validator(mode="after")
    def _care_kita_references(self) -> Case:
        children = [c.id for c in self.household.children]
        if not children and self.care is None and self.vorsorge is None:
            raise problem("care_children_required", at="household.children")
        if self.kita is not None and self.kita.child not in children:
            raise problem("unknown_child", at="kita.child", id=self.kita.child, known=", ".join(children))
        if self.zuzug is not None:
            for index, entry in enumerate(self.zuzug.parents):
                if entry.parent not in [p.id for p in self.household.parents]:
                    raise problem("unknown_parent", at=f"zuzug.parents[{index}].parent", id=entry.parent,
                                  known=", ".join(p.id for p in self.household.parents))
            for index, kid in enumerate(self.zuzug.children):
                if kid.child not in children:
                    raise problem("unknown_child", at=f"zuzug.children[{index}].child", id=kid.child,
                                  known=", ".join(children))
        carer = self.care.carer.parent if self.care is not None else None
        if carer is not None and carer not in [p.id for p in self.household.parents]:
            raise problem("unknown_parent", at="care.carer.parent", id=carer,
                          known=", ".join(p.id for p in self.household.parents))
        return self

    anonymous: bool = Field(default=False, exclude_if=lambda v: v is False,
                            description="Anonyme Beratung: keine Namen, Geburtsdaten der Eltern, Wohnort oder Notizen")

    @model_validator(mode="after")
    def _anonymous(self) -> Case:
        if self.anonymous:  # workbench/case/privacy.py: nothing that names the family
            for path in identifying_paths(self.model_dump(mode="json")):
                raise problem("anonymous_identifying", at=path)
        return self

    @model_validator(mode="after")
    def _references(self) -> Case:
        check_references(self)
        check_applications(self)
        check_alternatives(self.elterngeld_alternatives, [p.id for p in self.household.parents])
        plan = self.elterngeld_plan
        if plan is None:
            return self
        parents = [p.id for p in self.household.parents]
        if plan.child not in [c.id for c in self.household.children]:
            raise problem("unknown_child", at="elterngeld_plan.child", id=plan.child,
                          known=", ".join(c.id for c in self.household.children))
        named: list[tuple[str, ...]] = [("months", pid) for pid in plan.months]
        named += [("constraints", *pair) for pair in (plan.constraints.parent_ids() if plan.constraints else [])]
        for loc in named:
            if loc[-1] not in parents:
                raise problem("unknown_parent", at=json_path(("elterngeld_plan", *loc)), id=loc[-1],
                              known=", ".join(parents))
        return self

    def parent(self, parent_id: str) -> Parent:
        """The parent with this id (KeyError if there is none)."""
        for parent in self.household.parents:
            if parent.id == parent_id:
                return parent
        raise KeyError(parent_id)

    def child(self, child_id: str) -> Child:
        """The child with this id (KeyError if there is none)."""
        for child in self.household.children:
            if child.id == child_id:
                return child
        raise KeyError(child_id)

    def plan_child(self) -> Child:
        """The child the plan is for; without a plan the youngest child."""
        if self.elterngeld_plan is not None:
            return self.child(self.elterngeld_plan.child)
        if not self.household.children:  # a care or Vorsorge case (ADR 0011)
            from workbench.errors import CaseError
            from workbench.i18n import text

            raise CaseError([text("case.care_no_child", self.language)])
        return max(self.household.children, key=lambda c: c.birth_date)

    def older_children(self) -> list[Child]:
        """Children born before the plan's child (for the Geschwisterbonus, § 2a BEEG)."""
        born = self.plan_child().birth_date
        return [c for c in self.household.children if c.birth_date < born]


def case_json_schema() -> dict[str, Any]:
    """The JSON Schema of ``workbench-case/4`` as pydantic generates it."""
    return Case.model_json_schema()


STATED_ONLY = ("pension_insured", "unemployment_insured", "health_insurance")
"""A self-employed parent's insurance as stated: the defaults describe employees, so an unstated one is not
written (forms ask for it; the Elterngeld engine applies the default, docs/case-format.md)."""


def dump_case(case: Case, *, exclude_defaults: bool = False) -> dict[str, Any]:
    """The case as case-format JSON (always the current format): money as numbers, dates ISO, plan months as strings."""
    data = case.model_dump(mode="json", exclude_defaults=exclude_defaults)
    for parent, raw in zip(case.household.parents, data["household"]["parents"]):
        income = parent.income_before_birth
        if income.kind in ("self_employed", "mixed"):  # unstated stays unstated, also through the store
            for name in STATED_ONLY:
                if name not in income.model_fields_set:
                    raw.get("income_before_birth", {}).pop(name, None)
    return {"format": CURRENT_FORMAT, **{k: v for k, v in data.items() if k != "format"}}


def load_case(source: str | Path | dict[str, Any]) -> Case:
    """Load a case from a file path, JSON text (a string starting with ``{`` or ``[``) or a dict.

    Raises CaseError with one ``path: text`` line per problem, in the case's language.
    """
    return load_case_data(source)
