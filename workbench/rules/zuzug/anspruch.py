"""Who of the family may receive German family benefits after moving here: § 62 EStG and its kin.

- Germans and citizens of the EU, the EEA and Switzerland (freizügigkeitsberechtigt) are entitled
  like anyone living here (§ 62 Abs. 1 EStG). § 62 Abs. 1a Satz 1 EStG excludes EU citizens without
  German income in their first three months; the Court of Justice held that exclusion contrary to
  Union law (EuGH C-411/20 of 01.08.2022), so it is not applied: the rule names it and entitles.
- Other foreigners need a residence title from the list of § 62 Abs. 2 EStG (Kindergeld; the same list
  opens the Kinderzuschlag, § 6a Abs. 1 Nr. 1 BKGG), § 1 Abs. 7 BEEG (Elterngeld) and § 1 Abs. 2a UVG
  (Unterhaltsvorschuss); some titles only while working in Germany (or on Elternzeit or
  Arbeitslosengeld), the humanitarian ones also after 15 months of stay. § 3 Abs. 5 WoGG (Wohngeld)
  asks only for a lawful or tolerated stay. The tables are parameters (``titel_*``), dated.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from workbench.explain import Explanation
from workbench.parameters import parameters
from workbench.rules.bgb import months_later

P = parameters("zuzug")

Citizenship = Literal["de", "eu", "third"]
Leistung = Literal["kindergeld", "elterngeld", "unterhaltsvorschuss", "wohngeld"]
LEISTUNGEN: tuple[Leistung, ...] = ("kindergeld", "elterngeld", "unterhaltsvorschuss", "wohngeld")
CITATION: dict[Leistung, str] = {"kindergeld": "§ 62 Abs. 2 EStG", "elterngeld": "§ 1 Abs. 7 BEEG",
                                 "unterhaltsvorschuss": "§ 1 Abs. 2a UVG", "wohngeld": "§ 3 Abs. 5 WoGG"}
"""Where each benefit's list of residence titles is."""


@dataclass(frozen=True)
class Elternteil:
    """What the entitlement of one parent depends on (plain inputs, no case)."""

    citizenship: Citizenship
    title: str | None = None
    """Key of the residence title (``titel_*`` tables), only for ``third``."""
    works_in_germany: bool = False
    """Employed or self-employed in Germany, on Elternzeit or receiving Arbeitslosengeld (SGB III)."""
    in_germany_since: date | None = None
    """Start of the lawful, permitted or tolerated stay (for the 15 months of § 62 Abs. 2 Nr. 4 EStG)."""


@dataclass(frozen=True)
class Berechtigung:
    """Whether one parent is entitled to one benefit on a day, and why (message key and §)."""

    leistung: Leistung
    entitled: bool | None
    reason: str
    citation: str
    from_date: date | None = None
    """A later day from which the parent becomes entitled (the 15 months), if that is known."""


def titelregel(leistung: Leistung, title: str, on: date) -> str:
    """How ``title`` opens ``leistung``: ``ja``, ``nein``, ``erwerb`` or ``erwerb_oder_15_monate``.

    Rechtsgrundlage: § 62 Abs. 2 EStG; § 1 Abs. 7 BEEG; § 1 Abs. 2a UVG; § 3 Abs. 5 WoGG
    """
    table = P.value(f"titel_{leistung}", on)
    return str(table.get(title, "nein"))


def berechtigung(leistung: Leistung, person: Elternteil, on: date) -> Berechtigung:
    """The entitlement of ``person`` to ``leistung`` on ``on`` by nationality and residence title.

    Rechtsgrundlage: § 62 Abs. 1, 1a, 2 EStG; § 1 Abs. 7 BEEG; § 1 Abs. 2a UVG; § 3 Abs. 5 WoGG
    """
    citation = CITATION[leistung]
    if person.citizenship == "de":
        return Berechtigung(leistung, True, "zuzug.reason.deutsch", citation.replace("Abs. 2 ", "Abs. 1 ")
                            if leistung == "kindergeld" else citation)
    if person.citizenship == "eu":
        return Berechtigung(leistung, True, "zuzug.reason.eu", "§ 62 Abs. 1a EStG, Art. 4 VO (EG) 883/2004"
                            if leistung == "kindergeld" else "Art. 4 VO (EG) 883/2004")
    if person.title is None:
        return Berechtigung(leistung, None, "zuzug.reason.titel_fehlt", citation)
    rule = titelregel(leistung, person.title, on)
    if rule == "ja":
        return Berechtigung(leistung, True, "zuzug.reason.titel_ja", citation)
    if rule == "nein":
        return Berechtigung(leistung, False, "zuzug.reason.titel_nein", citation)
    if person.works_in_germany:
        return Berechtigung(leistung, True, "zuzug.reason.titel_erwerb", citation)
    if rule == "erwerb_oder_15_monate" and person.in_germany_since is not None:
        months = int(P.value("humanitaer_wartezeit_monate", on))
        since = months_later(person.in_germany_since, months)
        if on >= since:
            return Berechtigung(leistung, True, "zuzug.reason.titel_15_monate", citation, since)
        return Berechtigung(leistung, False, "zuzug.reason.titel_15_monate_noch_nicht", citation, since)
    return Berechtigung(leistung, False, "zuzug.reason.titel_nur_erwerb", citation)


def eu_erste_monate_bis(arrival: date, on: date) -> date:
    """Last day of the first three months after moving in (§ 62 Abs. 1a Satz 1 EStG, not applied).

    Rechtsgrundlage: § 62 Abs. 1a Satz 1 EStG; EuGH C-411/20
    """
    return months_later(arrival, int(P.value("eu_erste_monate", max(on, arrival))))


def haushalt_berechtigt(leistung: Leistung, parents: list[Elternteil], on: date,
                        explanation: Explanation | None = None) -> tuple[bool | None, list[Berechtigung]]:
    """Whether the household can get ``leistung``: one entitled parent suffices (the family chooses who
    applies, § 64 Abs. 2 EStG); open (None) when no parent is entitled but one is still unknown.

    Rechtsgrundlage: § 62, § 64 Abs. 2 EStG; § 1 Abs. 7 BEEG; § 1 Abs. 2a UVG; § 3 Abs. 5 WoGG
    """
    each = [berechtigung(leistung, p, on) for p in parents]
    if any(b.entitled for b in each):
        result: bool | None = True
    elif any(b.entitled is None for b in each):
        result = None
    else:
        result = False
    if explanation is not None:
        word = "yes" if result else ("no" if result is False else "open")
        explanation.add(f"zuzug.step.{leistung}_{word}", on, CITATION[leistung])
    return result, each


__all__ = ["Berechtigung", "CITATION", "Citizenship", "Elternteil", "LEISTUNGEN", "Leistung", "berechtigung",
           "eu_erste_monate_bis", "haushalt_berechtigt", "titelregel"]
