"""Optional parts of the case for care of a relative, a Kita place and Vorsorge documents.

All three are optional fields of :class:`workbench.case.Case` (``care``, ``kita``, ``vorsorge``);
old case files without them load unchanged. A case without children is valid only when it is a
care or Vorsorge case (it has ``care`` or ``vorsorge``): a household with an older relative but no
child is a real consultation (ADR 0011). An Elterngeld plan or a Kita wish always names a child of
the household.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, WithJsonSchema, model_validator

from workbench.case.fields import Hours, Identifier, IsoDate, Money, whole_number
from workbench.case.fields import CaseModel as _Model
from workbench.case.messages import problem

Relation = Literal["parent", "parent_in_law", "grandparent", "spouse", "sibling", "child", "other"]
Transfer = Literal["none", "kiz", "wohngeld", "buergergeld", "sgb_xii", "asylblg"]
Document = Literal["vollmacht", "betreuungsverfuegung", "patientenverfuegung"]
Pflegegrad = Annotated[int, whole_number(1, 5), WithJsonSchema({"type": "integer", "minimum": 1, "maximum": 5})]
Percent = Annotated[int, whole_number(0, 100), WithJsonSchema({"type": "integer", "minimum": 0, "maximum": 100})]
Employees = Annotated[int, whole_number(0, 1_000_000), WithJsonSchema({"type": "integer", "minimum": 0})]
Agents = Annotated[int, whole_number(0, 10), WithJsonSchema({"type": "integer", "minimum": 0, "maximum": 10})]
KitaHours = Literal[25, 35, 45]
DOCUMENTS: tuple[Document, ...] = ("vollmacht", "betreuungsverfuegung", "patientenverfuegung")


class CareRecipient(_Model, title="Pflegebedürftige Person"):
    """The relative who needs care (``care.recipient``)."""

    name: str | None = Field(default=None, description="Vorname")
    relation: Relation = Field(default="parent", description="Verhältnis zur Pflegeperson (§ 7 Abs. 3 PflegeZG)")
    pflegegrad: Pflegegrad = Field(description="Pflegegrad 1 bis 5 (§ 15 SGB XI)")
    at_home: bool = Field(default=True, description="Wird zu Hause gepflegt")
    sach_percent: Percent = Field(default=50, description="Anteil der Sachleistung in der Kombination, Prozent (§ 38 SGB XI)")


class Carer(_Model, title="Pflegeperson"):
    """The person in the household who cares (``care.carer``)."""

    parent: Identifier | None = Field(default=None, description="Kennung des Elternteils im Haushalt, der pflegt")
    employed: bool = Field(default=True, description="Beschäftigt (Arbeitnehmer)")
    employer_employees: Employees | None = Field(default=None, description="Beschäftigte beim Arbeitgeber in der Regel")
    hours_per_week: Hours | None = Field(default=None, description="Wochenstunden heute")
    hours_during: Hours | None = Field(default=None, description="Wochenstunden während der Familienpflegezeit")
    net_monthly: Money | None = Field(default=None, description="Nettoentgelt im Monat heute")
    net_monthly_during: Money | None = Field(default=None, description="Nettoentgelt im Monat während der Familienpflegezeit")
    one_off_payments: bool = Field(default=False, description="Einmalzahlungen in den letzten 12 Monaten (Urlaubs-/Weihnachtsgeld)")
    start: IsoDate | None = Field(default=None, description="Gewünschter Beginn der Freistellung")

    @model_validator(mode="after")
    def _hours_reduced(self) -> Carer:
        if self.hours_during is not None and self.hours_per_week is not None and self.hours_during > self.hours_per_week:
            raise problem("care_hours_more", at="hours_during")
        if (self.net_monthly_during is not None and self.net_monthly is not None
                and self.net_monthly_during > self.net_monthly):
            raise problem("care_net_more", at="net_monthly_during")
        return self


class Care(_Model, title="Pflege eines Angehörigen"):
    """Care of a relative (``care``): who needs care and who cares."""

    recipient: CareRecipient = Field(description="Pflegebedürftige Person")
    carer: Carer = Field(default_factory=Carer, description="Pflegeperson")


class KitaWish(_Model, title="Kita-Platz"):
    """The wanted Kita place (``kita``)."""

    child: Identifier = Field(description="Kennung des Kindes")
    start: IsoDate | None = Field(default=None, description="Gewünschter Beginn")
    hours: KitaHours = Field(default=35, description="Betreuungsumfang in Wochenstunden (25, 35, 45)")
    household_income_y: Money | None = Field(default=None, description="Bruttojahreseinkommen des Haushalts (Elternbeitragssatzung)")
    transfer: Transfer = Field(default="none", description="Die Eltern erhalten Bürgergeld, Sozialhilfe, AsylbLG, Kinderzuschlag oder Wohngeld")


class Vorsorge(_Model, title="Vorsorgevollmacht, Betreuungs- und Patientenverfügung"):
    """What the family plans to put in writing (``vorsorge``)."""

    person: str | None = Field(default=None, description="Vorname der Person, die vorsorgt")
    documents: list[Document] = Field(default_factory=lambda: list(DOCUMENTS),
                                      description="Geplante Dokumente")
    agents: Agents = Field(default=1, description="Zahl der Vertrauenspersonen (Bevollmächtigte)")
    certification: bool = Field(default=False, description="Unterschrift bei der Betreuungsbehörde beglaubigen lassen")
    registry: Literal["online", "post", "none"] = Field(default="online", description="Registrierung im Zentralen Vorsorgeregister")
    payment: Literal["lastschrift", "ueberweisung"] = Field(default="lastschrift", description="Zahlungsart der Registergebühr")
    done: list[str] = Field(default_factory=list, description="Erledigte Punkte der Checkliste (Kennungen)")
