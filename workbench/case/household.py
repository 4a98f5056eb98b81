"""What ``workbench-case/2`` adds for the Leistungscheck, and the migration from ``/1``, ``/2`` and ``/3`` to ``/4``.

Format 2 is format 1 plus optional fields (docs/case-format.md): each parent's current
income (``current_income``), each child's school or training, work and the maintenance it
receives (``situation``), the rent with its municipality and Mietstufe (``housing``),
the household's wealth and whether it already receives Bürgergeld (``benefits``). Every
new field is optional, so a format-1 file is a format-2 file once its ``format`` says so:
:func:`migrate` does exactly that, as a pure function of the JSON data.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import Field, WithJsonSchema

from workbench.case.births import split_counts
from workbench.case.fields import ChildCount, Hours, IsoDate, Money, TaxClass, whole_number
from workbench.case.fields import CaseModel as _Model

FORMAT_V1 = "workbench-case/1"
FORMAT_V2 = "workbench-case/2"
FORMAT_V3 = "workbench-case/3"
FORMAT_V4 = "workbench-case/4"
FORMATS = (FORMAT_V1, FORMAT_V2, FORMAT_V3, FORMAT_V4)
CURRENT_FORMAT = FORMAT_V4
DEFAULT_MUNICIPALITY = "Bochum"  # the Familienbüro's city: new cases start there (a place name, not a text)
ZERO = Decimal("0")


def zero_by_default(description: str) -> Any:
    """A field that is 0 when left out: ``Decimal("0")`` in the model, ``0.0`` in the JSON Schema (a number, as
    case-format.md writes the defaults, not the string pydantic would make of a Decimal)."""
    return Field(default=ZERO, description=description, json_schema_extra={"default": 0.0})


Mietstufe = Annotated[int, whole_number(1, 7), WithJsonSchema({"type": "integer", "minimum": 1, "maximum": 7})]
CurrentKind = Literal["employee", "minijob", "self_employed", "none"]
ReceivedKind = Literal["elterngeld", "alg1", "krankengeld", "pension", "other"]
Education = Literal[
    "none", "kita", "school", "vocational_school", "vocational_training", "university",
    "voluntary_service", "gap", "unemployed_registered",
]
"""A child's situation (§ 32 Abs. 4 EStG, § 28 SGB II): ``none`` (at home, no school yet), ``kita``
(Kita or Kindertagespflege), ``school`` (allgemeinbildende Schule), ``vocational_school``
(berufsbildende Schule without pay), ``vocational_training`` (Ausbildung with pay),
``university``, ``voluntary_service``, ``gap`` (at most 4 months between two training phases),
``unemployed_registered`` (registered as seeking work with the Agentur für Arbeit)."""


class ReceivedBenefit(_Model, title="Bezogene Leistung"):
    """An income replacement a parent receives now (counts as income for KiZ and Wohngeld)."""

    kind: ReceivedKind = Field(description="Art: elterngeld, alg1, krankengeld, pension, other")
    monthly: Money = Field(description="Betrag im Monat")
    elterngeld_plus: bool = Field(default=False, description="Elterngeld Plus statt Basiselterngeld (§ 10 Abs. 3 BEEG)")
    children_born: ChildCount = Field(default=1, description="Geborene Kinder (Mehrlinge, § 10 Abs. 4 BEEG)")
    income_before_birth_monthly: Money | None = Field(
        default=None, description="Elterngeld: Einkommen aus Erwerbstätigkeit vor der Geburt im Monat (§ 10 Abs. 5 BEEG)")


class CurrentIncome(_Model, title="Aktuelles Einkommen"):
    """A parent's income now (``household.parents[].current_income``), for KiZ, Wohngeld, UVG and tax."""

    kind: CurrentKind = Field(default="none", description="Art der Erwerbstätigkeit jetzt")
    gross_monthly: Money = zero_by_default("Bruttoeinkommen im Monat (Durchschnitt der letzten 6 Monate)")
    net_monthly: Money | None = Field(default=None, description="Nettoeinkommen im Monat (laut Lohnabrechnung)")
    tax_class: TaxClass = Field(default=1, description="Steuerklasse 1 bis 6")
    hours_per_week: Hours | None = Field(default=None, description="Wochenarbeitszeit in Stunden")
    other_income_monthly: Money = zero_by_default("Sonstiges Einkommen im Monat (z. B. Miete, Zinsen)")
    benefits: list[ReceivedBenefit] = Field(default_factory=list, description="Bezogene Lohnersatzleistungen")
    taxable_income_year: Money | None = Field(
        default=None, description="Zu versteuerndes Einkommen im Jahr vor Kinderfreibeträgen (Günstigerprüfung)")


class ChildSituation(_Model, title="Lage des Kindes"):
    """School or training, work and support of a child (``household.children[].situation``)."""

    education: Education = Field(default="none", description="Schule, Ausbildung, Studium …")
    first_qualification_completed: bool = Field(default=False, description="Erstausbildung oder Erststudium abgeschlossen")
    work_hours_per_week: Hours = zero_by_default("Erwerbstätigkeit in Wochenstunden")
    own_income_monthly: Money = zero_by_default("Eigenes Einkommen (z. B. Ausbildungsvergütung) im Monat")
    maintenance_monthly: Money = zero_by_default("Unterhalt vom anderen Elternteil im Monat")
    orphan_benefit_monthly: Money = zero_by_default("Waisenbezüge im Monat")
    lives_with_applicant: bool = Field(default=True, description="Lebt im Haushalt des Antragstellers")
    shared_care: bool = Field(default=False, description="Wechselmodell: lebt etwa gleich viel auch beim anderen Elternteil")
    lunch_monthly: Money = zero_by_default("Gemeinsames Mittagessen in Schule/Kita im Monat")
    participation_monthly: Money = zero_by_default("Verein, Musikschule o. Ä. im Monat")
    trips_year: Money = zero_by_default("Ausflüge und Klassenfahrten im Schuljahr")
    kita_fee_monthly: Money = zero_by_default("Kita-Elternbeitrag im Monat")


class Housing(_Model, title="Wohnung"):
    """Housing costs (``household.housing``); format 1 had the first three fields."""

    rent_cold: Money = Field(description="Kaltmiete im Monat")
    heating: Money = Field(description="Heizkosten im Monat")
    living_space_sqm: Money = Field(description="Wohnfläche in Quadratmetern")
    utilities_cold: Money = zero_by_default("Kalte Nebenkosten im Monat (ohne Heizung)")
    tenure: Literal["rent", "own"] = Field(default="rent", description="Miete oder Eigentum")
    mietstufe: Mietstufe | None = Field(default=None, description="Mietstufe nach WoGV (leer: aus dem Wohnort)")


class HouseholdBenefits(_Model, title="Leistungen des Haushalts"):
    """What the household has and receives as a whole (``household.benefits``)."""

    wealth: Money = zero_by_default("Vermögen des Haushalts")
    receives_buergergeld: bool = Field(default=False, description="Bezieht Bürgergeld (SGB II)")
    receives_kinderzuschlag: bool = Field(default=False, description="Bezieht bereits Kinderzuschlag")
    receives_wohngeld: bool = Field(default=False, description="Bezieht bereits Wohngeld")
    year: Annotated[int, whole_number(2019, 2099), WithJsonSchema({"type": "integer", "minimum": 2019, "maximum": 2099})] | None = Field(
        default=None, description="Jahr der Prüfung (älter; leer: heute)")
    check_date: IsoDate | None = Field(
        default=None, description="Stichtag des Leistungschecks (leer: der Tag, an dem gerechnet wird)")


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    """The case-format JSON ``data`` in the current format (a new dict; ``data`` stays as it was).

    ``workbench-case/1`` → ``/2``: format 2 only adds optional fields, so only ``format`` changes.
    ``/2`` → ``/3``: every ``count: N`` of a child becomes N children of one birth
    (:func:`workbench.case.births.split_counts`, ADR 0027). ``/3`` → ``/4``: format 4 only adds the
    optional ``antragsmappe`` (ADR 0037), so only ``format`` changes. Anything else (a current file, an
    unknown format, a draft that is not even a dict) comes back unchanged, so the case model reports it as usual.
    """
    if not isinstance(data, dict) or data.get("format") not in (FORMAT_V1, FORMAT_V2, FORMAT_V3):
        return data
    out = split_counts(data) if data["format"] in (FORMAT_V1, FORMAT_V2) else dict(data)
    out["format"] = FORMAT_V4
    return out
