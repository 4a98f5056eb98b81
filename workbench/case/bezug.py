"""What a child already receives (``household.children[].receives``, format 3, ADR 0027).

A family that comes to the office often has a Kindergeld running for an older child, or KiZ or UVG.
Forms and the Leistungscheck must know it: KG 1 lists in section 5 only the children the applicant
already receives Kindergeld for and applies with an Anlage Kind only for the others (§ 67 EStG: one
application per child); the Leistungscheck says "läuft bereits" instead of recommending an application
that exists.

The Kindergeldnummer is the Familienkasse's number of the case: three digits of the Familienkasse,
``FK`` and six digits (``123FK456789``, on every Kindergeld letter); spaces are dropped and ``fk`` is
written ``FK``.
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, WithJsonSchema

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


class ChildReceives(_Model, title="Was das Kind schon bekommt"):
    """Benefits already running for the child; each one is not applied for again."""

    kindergeld: KindergeldBezug | None = Field(default=None, description="Kindergeld läuft bereits")
    kinderzuschlag: bool = Field(default=False, description="Kinderzuschlag läuft bereits für dieses Kind")
    unterhaltsvorschuss: bool = Field(default=False, description="Unterhaltsvorschuss läuft bereits für dieses Kind")
    elterngeld: dict[Identifier, PlanMonths] | None = Field(
        default=None, description="Elterngeld, das ein Elternteil für dieses (ältere) Kind bezogen hat: Lebensmonate je "
                                  "Elternteil wie im Plan (B, P, +, -); diese Kalendermonate zählen nicht zum "
                                  "Bemessungszeitraum eines jüngeren Kindes (§ 2b Abs. 1 Satz 2 Nr. 1 BEEG)")


__all__ = ["ChildReceives", "KindergeldBezug"]
