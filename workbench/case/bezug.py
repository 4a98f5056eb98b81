"""What a child already receives (``household.children[].receives``, format 3, ADR 0027).

A family that comes to the office often has a Kindergeld running for an older child, or KiZ or UVG.
Forms and the Leistungscheck must know it: KG 1 lists in section 5 only the children the applicant
already receives Kindergeld for and applies with an Anlage Kind only for the others (§ 67 EStG: one
application per child); the Leistungscheck says "läuft bereits" instead of recommending an application
that exists.

The Kindergeldnummer is the Familienkasse's number of the case: three digits of the Familienkasse,
``FK`` and six digits (``123FK456789``, on every Kindergeld letter); spaces are dropped and ``fk`` is
written ``FK``.

``kindergeld_applied`` answers KG 1 Anlage Kind question 4 ("Haben Sie oder eine unter Punkt 2 genannte Person für
dieses Kind bereits Kindergeld beantragt oder erhalten?"): ``false`` — nobody has, or what was applied or received
(who, period, Familienkasse, number); left out, the case does not know (the form stays empty there and the advisor
sees the open question). A running ``kindergeld`` already says "ja" (issue 18, D10).
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, WithJsonSchema, model_validator

from workbench.case.fields import Identifier, IsoDate, PlanMonths
from workbench.case.fields import CaseModel as _Model
from workbench.case.messages import problem

_KG_NUMBER = re.compile(r"^\d{3}FK\d{6}$")


def _kindergeld_number(value: Any) -> str:
    if not isinstance(value, str):
        raise problem("wrong_type", expected="string")
    number = re.sub(r"\s+", "", value).upper()
    if not _KG_NUMBER.match(number):
        raise problem("kindergeld_number")
    return number


KindergeldNumber = Annotated[str, BeforeValidator(_kindergeld_number),
                             WithJsonSchema({"type": "string", "pattern": r"^\d{3}\s*[Ff][Kk]\s*\d{6}$"})]


class KindergeldBezug(_Model, title="Kindergeld läuft bereits"):
    """Kindergeld already paid for the child: to whom, since when, under which number (§§ 62, 64 EStG)."""

    number: KindergeldNumber | None = Field(default=None, description="Kindergeldnummer (z. B. 123FK456789)")
    parent: Identifier | None = Field(
        default=None, description="Wer es bekommt: Kennung eines Elternteils im Haushalt (leer: eine andere Person)")
    since: IsoDate | None = Field(default=None, description="Seit wann")


class KindergeldAntrag(KindergeldBezug, title="Kindergeld schon beantragt oder erhalten"):
    """Kindergeld applied for or received for the child before (KG 1 Anlage Kind question 4): by whom, from when
    to when, at which Familienkasse, under which number. ``parent`` as in :class:`KindergeldBezug` — a parent of the
    household, or empty for the child's other parent outside it (``household.other_parent``, KG 1 AnK 2 "andere
    Person")."""

    until: IsoDate | None = Field(default=None, description="Bis wann (leer: läuft noch oder nur beantragt)")
    familienkasse: str | None = Field(default=None, max_length=120,
                                      description="Familienkasse, Anschrift (z. B. Familienkasse NRW West, Krefeld)")

    @model_validator(mode="after")
    def _period(self) -> KindergeldAntrag:
        if self.since is not None and self.until is not None and self.until < self.since:
            raise problem("kindergeld_period", at="until", since=self.since.strftime("%d.%m.%Y"))
        return self


class ChildReceives(_Model, title="Was das Kind schon bekommt"):
    """Benefits already running for the child; each one is not applied for again."""

    kindergeld: KindergeldBezug | None = Field(default=None, description="Kindergeld läuft bereits")
    kindergeld_applied: Literal[False] | KindergeldAntrag | None = Field(
        default=None, description="Kindergeld für dieses Kind schon beantragt oder erhalten (KG 1 Anlage Kind Frage 4): "
                                  "false = nein; leer = nicht bekannt")
    kinderzuschlag: bool = Field(default=False, description="Kinderzuschlag läuft bereits für dieses Kind")
    unterhaltsvorschuss: bool = Field(default=False, description="Unterhaltsvorschuss läuft bereits für dieses Kind")
    elterngeld: dict[Identifier, PlanMonths] | None = Field(
        default=None, description="Elterngeld, das ein Elternteil für dieses (ältere) Kind bezogen hat: Lebensmonate je "
                                  "Elternteil wie im Plan (B, P, +, -); diese Kalendermonate zählen nicht zum "
                                  "Bemessungszeitraum eines jüngeren Kindes (§ 2b Abs. 1 Satz 2 Nr. 1 BEEG)")


    @model_validator(mode="after")
    def _applied_runs(self) -> ChildReceives:
        if self.kindergeld is not None and self.kindergeld_applied is False:
            raise problem("kindergeld_applied_runs", at="kindergeld_applied")
        return self


__all__ = ["ChildReceives", "KindergeldAntrag", "KindergeldBezug"]
