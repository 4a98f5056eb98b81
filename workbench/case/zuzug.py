"""The optional part ``zuzug`` of a case: a family moving to Bochum, from abroad or from another town.

An optional field of :class:`workbench.case.Case` (format ``workbench-case/3`` unchanged: old case files
load as before). Per parent the nationality, the residence title (third-country nationals) and where
the parent works; per child the grade it attends, if known. The rules are in
:mod:`workbench.rules.zuzug` (docs/zuzug.md).
"""

from __future__ import annotations

from typing import Annotated, Literal, get_args

from pydantic import Field, WithJsonSchema

from workbench.case.fields import Identifier, IsoDate, Money, whole_number
from workbench.case.fields import CaseModel as _Model

Citizenship = Literal["de", "eu", "third"]
Title = Literal["niederlassung", "daueraufenthalt_eu", "blaue_karte", "ict_karte", "beschaeftigung",
                "familiennachzug", "schutz_asyl", "ausbildung_16e", "au_pair_saison_19c", "freiwilligendienst_19e", "arbeitssuche_20",
                "arbeitssuche_20_abs3",
                "studium_16b", "anerkennung_16d", "humanitaer_23_24_25", "beschaeftigungsduldung_60d",
                "gestattung_duldung", "visum_kurz"]
TITLES: tuple[str, ...] = get_args(Title)
Work = Literal["de", "abroad_eu", "abroad_other", "none"]
Grade = Annotated[int, whole_number(0, 13), WithJsonSchema({"type": "integer", "minimum": 0, "maximum": 13})]


class ZuzugParent(_Model, title="Elternteil beim Zuzug"):
    """Nationality, residence title and work of one parent (``zuzug.parents[]``)."""

    parent: Identifier = Field(description="Kennung des Elternteils im Haushalt")
    citizenship: Citizenship = Field(default="de", description="Deutsch, EU/EWR/Schweiz oder Drittstaat")
    title: Title | None = Field(default=None, description="Aufenthaltstitel (nur Drittstaat, § 62 Abs. 2 EStG)")
    in_germany_since: IsoDate | None = Field(default=None, description="Erlaubt, gestattet oder geduldet in Deutschland seit")
    works: Work = Field(default="none", description="Arbeitet in Deutschland, in einem anderen EU/EWR-Staat, anderswo, gar nicht")
    work_state: str | None = Field(default=None, description="Staat der Arbeit im Ausland (z. B. Schweden)")


class ZuzugChild(_Model, title="Kind beim Zuzug"):
    """The school grade of a child, if the family knows it (``zuzug.children[]``)."""

    child: Identifier = Field(description="Kennung des Kindes")
    grade: Grade | None = Field(default=None, description="Klasse im laufenden Schuljahr (leer: aus dem Geburtstag)")


class Zuzug(_Model, title="Neu in Bochum"):
    """The move (``zuzug``): when, from where, who."""

    arrival: IsoDate = Field(description="Einzug in Bochum")
    from_abroad: bool = Field(default=True, description="Zuzug aus dem Ausland (sonst aus einer anderen deutschen Stadt)")
    from_place: str | None = Field(default=None, description="Woher (Staat oder Stadt)")
    foreign_benefit_m: Money | None = Field(
        default=None, description="Familienleistung des anderen Staates je Kind und Monat in Euro (Differenzkindergeld)")
    parents: list[ZuzugParent] = Field(default_factory=list, description="Angaben je Elternteil")
    children: list[ZuzugChild] = Field(default_factory=list, description="Angaben je Kind")
