"""Optional parts of the case for Mutterschutz and Elternzeit (``mutterschutz``, ``elternzeit``).

Both are optional: a case without them loads as before. They refer to a parent and a child of
the household by id; :func:`check_references` is called by the case model to check that.

- ``mutterschutz``: the due date from the doctor's or midwife's certificate, the actual birth
  once it happened, the reasons for 12 weeks that the child's data cannot say (a Frühgeburt is a
  medical finding, the disability extension needs a request), the mother's employment and
  insurance and her net pay in the 3 months before the protection period.
- ``elternzeit``: each parent's periods with optional part-time hours and the day the written
  demand reached the employer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import Field, model_validator

from workbench.case.fields import Hours, Identifier, IsoDate, Money
from workbench.case.fields import CaseModel as _Model
from workbench.case.messages import problem

if TYPE_CHECKING:
    from workbench.case.model import Case

__all__ = ["Elternzeit", "ElternzeitPeriod", "Miscarriage", "Mutterschutz", "check_references"]

Employment = Literal["employee", "minijob", "self_employed", "none"]
Insurance = Literal["statutory_member", "family_insured", "private"]


class Miscarriage(_Model, title="Fehlgeburt"):
    """A miscarriage from the 13th week of pregnancy (§ 3 Abs. 5 MuSchG)."""

    date: IsoDate = Field(description="Tag der Fehlgeburt")
    week: int = Field(ge=1, le=24, description="Laufende Schwangerschaftswoche (13 = 12+0 bis 12+6)")


class Mutterschutz(_Model, title="Mutterschutz"):
    """Data for the protection periods and the Mutterschaftsgeld of one mother and child."""

    mother: Identifier = Field(default="A", description="Kennung der Mutter im Haushalt")
    child: Identifier = Field(default="K1", description="Kennung des Kindes")
    due_date: IsoDate | None = Field(default=None, description="Errechneter Termin (Bescheinigung von Ärztin oder Hebamme); nur bei einer Fehlgeburt entbehrlich")
    birth_date: IsoDate | None = Field(default=None, description="Tatsächlicher Geburtstag, wenn schon geboren")
    premature: bool = Field(default=False, description="Frühgeburt laut ärztlichem Zeugnis (unter 2.500 g oder nicht ausgereift)")
    disability_extension: bool = Field(default=False, description="12 Wochen beantragt wegen Behinderung des Kindes")
    miscarriage: Miscarriage | None = Field(default=None, description="Fehlgeburt ab der 13. Woche")
    employment: Employment = Field(default="employee", description="Beschäftigung bei Beginn der Schutzfrist")
    insurance: Insurance = Field(default="statutory_member", description="Krankenversicherung der Mutter")
    sick_pay_entitlement: bool = Field(default=True, description="Anspruch auf Krankengeld (ohne Beschäftigung)")
    net_last_3_months: list[Money] = Field(default_factory=list, max_length=3,
                                           description="Nettoentgelt der 3 Kalendermonate vor der Schutzfrist")
    fixed_salary: bool = Field(default=True, description="Festes Monatsgehalt (sonst schwankendes Entgelt)")

    @model_validator(mode="after")
    def _net_pay(self) -> Mutterschutz:
        if self.due_date is None and self.miscarriage is None:
            raise problem("ms_due_missing", at="due_date")
        if self.employment in ("employee", "minijob") and self.miscarriage is None and len(self.net_last_3_months) != 3:
            raise problem("ms_net_missing", at="net_last_3_months")
        return self


class ElternzeitPeriod(_Model, title="Elternzeit-Abschnitt"):
    """One period of Elternzeit of one parent."""

    parent: Identifier = Field(description="Kennung des Elternteils")
    start: IsoDate = Field(description="Erster Tag")
    end: IsoDate = Field(description="Letzter Tag")
    hours_per_week: Hours | None = Field(default=None, description="Teilzeit beim Arbeitgeber, Wochenstunden")
    requested_on: IsoDate | None = Field(default=None, description="Tag, an dem das schriftliche Verlangen zuging")

    @model_validator(mode="after")
    def _ordered(self) -> ElternzeitPeriod:
        if self.end < self.start:
            raise problem("ez_end_before_start", at="end", start=self.start)  # shown as the language writes a day
        return self


class Elternzeit(_Model, title="Elternzeit"):
    """The parents' Elternzeit for one child."""

    child: Identifier = Field(default="K1", description="Kennung des Kindes")
    periods: list[ElternzeitPeriod] = Field(default_factory=list, description="Abschnitte beider Elternteile")


def check_references(case: Case) -> None:
    """Raise a case problem when ``mutterschutz``/``elternzeit`` name a parent or child the household lacks."""
    parents = [p.id for p in case.household.parents]
    children = [c.id for c in case.household.children]
    refs: list[tuple[str, str, list[str]]] = []
    ms = case.mutterschutz
    if ms is not None:
        refs += [("mutterschutz.mother", ms.mother, parents), ("mutterschutz.child", ms.child, children)]
    if case.elternzeit is not None:
        refs.append(("elternzeit.child", case.elternzeit.child, children))
        refs += [(f"elternzeit.periods[{i}].parent", p.parent, parents) for i, p in enumerate(case.elternzeit.periods)]
    refs += [(f"household.children[{i}].receives.kindergeld.parent", c.receives.kindergeld.parent, parents)
             for i, c in enumerate(case.household.children)
             if c.receives is not None and c.receives.kindergeld is not None and c.receives.kindergeld.parent]
    refs += [(f"household.children[{i}].receives.elterngeld.{pid}", pid, parents)
             for i, c in enumerate(case.household.children)
             if c.receives is not None and c.receives.elterngeld for pid in c.receives.elterngeld]
    for path, ref, known in refs:
        if ref not in known:
            raise problem("ls_unknown_ref", at=path, id=ref, known=", ".join(known))
    if ms is not None and case.child(ms.child).placement is not None:  # MuSchG protects the woman who gave birth
        raise problem("ms_placement", at="mutterschutz.child", id=ms.child)
    if ms is not None and ms.birth_date is not None and case.child(ms.child).birth_date != ms.birth_date:
        raise problem("ms_birth_mismatch", at="mutterschutz.birth_date",
                      child=case.child(ms.child).birth_date.isoformat())
