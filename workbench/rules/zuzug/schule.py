"""School and all-day care of a child who arrives in Bochum: NRW's school duty and the Ganztag claim.

- School duty begins on 1 August of the year in which the child completes its sixth year by
  30 September (§ 35 Abs. 1 SchulG NRW); it binds every child who lives in NRW (§ 34 Abs. 1 SchulG NRW),
  also one who arrives in the middle of a school year: the parents register it at a school at once
  (§ 41 Abs. 1 SchulG NRW). The school year runs from 1 August to 31 July (§ 7 Abs. 1 SchulG NRW).
- All-day care in primary school (§ 24 Abs. 4 SGB VIII, Ganztagsförderungsgesetz): a child that
  attends the first grade in the school year 2026/27 or later has a claim from school entry to the
  start of the fifth grade, eight hours on each working day including lessons, also in the holidays
  (closing at most four weeks). So the claim grows by one grade a year: grade 1 in 2026/27, grades
  1–2 in 2027/28, …, grades 1–4 from 2029/30. In NRW it is met by the Offene Ganztagsschule (OGS).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from workbench.parameters import parameters
from workbench.rules.elternzeit.fristen import geburtstag

P = parameters("zuzug")


def _first(name: str, day: date) -> date:
    """``day``, or the first day the parameter ``name`` has a value when ``day`` is earlier."""
    return max(day, P.parameter(name).values[0].valid_from)


def schuljahr_beginn(day: date) -> date:
    """1 August that starts the school year ``day`` falls in.

    Rechtsgrundlage: § 7 Abs. 1 SchulG NRW
    """
    s = P.value("schulpflicht_stichtag", _first("schulpflicht_stichtag", day))
    start = date(day.year, int(s["schuljahr_monat"]), int(s["schuljahr_tag"]))
    return start if day >= start else date(day.year - 1, start.month, start.day)


def schulpflicht_ab(geburt: date) -> date:
    """First day of school duty: 1 August of the year the child is six by 30 September.

    Rechtsgrundlage: § 35 Abs. 1 SchulG NRW
    """
    s = P.value("schulpflicht_stichtag", _first("schulpflicht_stichtag", geburtstag(geburt, 6)))
    six = geburtstag(geburt, int(s["alter"]))
    year = six.year if six <= date(six.year, int(s["monat"]), int(s["tag"])) else six.year + 1
    return date(year, int(s["schuljahr_monat"]), int(s["schuljahr_tag"]))


def klasse(geburt: date, day: date, grade: int | None = None) -> int:
    """The grade the child attends in the school year of ``day`` (0: not yet at school): the stated
    ``grade``, else counted from the start of school duty.

    Rechtsgrundlage: § 35 Abs. 1 SchulG NRW
    """
    if grade is not None:
        return grade
    return max(0, schuljahr_beginn(day).year - schulpflicht_ab(geburt).year + 1)


@dataclass(frozen=True)
class Ganztag:
    """The Ganztag claim of a primary school child (None dates: no claim)."""

    first_grade_year: int
    """Year in which the school year of the child's first grade begins."""
    entitled: bool
    claim_from: date | None
    claim_until: date | None
    """Day before the fifth grade begins."""
    hours_per_day: int
    closing_weeks: int


def ganztag(geburt: date, day: date, grade: int | None = None) -> Ganztag:
    """The all-day claim of the child on ``day``: only for children whose first grade is 2026/27 or later.

    Rechtsgrundlage: § 24 Abs. 4 SGB VIII (Ganztagsförderungsgesetz v. 02.10.2021)
    """
    g = P.value("ganztag_erstes_schuljahr", _first("ganztag_erstes_schuljahr", day))
    now = klasse(geburt, day, grade)
    first_year = schuljahr_beginn(day).year - now + 1 if now >= 1 else schulpflicht_ab(geburt).year
    entitled = first_year >= int(g["erstes_schuljahr"])
    start = max(date(first_year, 8, 1), day) if entitled else None
    until = date(first_year + int(g["bis_klasse"]) - 1, 7, 31) if entitled else None
    return Ganztag(first_year, entitled, start, until, int(g["stunden_werktag"]), int(g["schliesszeit_wochen"]))


__all__ = ["Ganztag", "ganztag", "klasse", "schuljahr_beginn", "schulpflicht_ab"]
