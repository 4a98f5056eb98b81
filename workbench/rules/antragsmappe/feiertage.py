"""Public holidays in North Rhine-Westphalia, for periods that end on a working day.

A period whose last day is a Saturday, a Sunday or a public holiday ends on the next working day
(§ 193 BGB, § 64 Abs. 3 SGG, § 108 Abs. 3 AO, § 222 Abs. 2 ZPO with § 57 Abs. 2 VwGO, § 26 Abs. 3
SGB X). The holidays of the place where the period runs count: for the Familienbüro that is NRW,
§ 2 Abs. 1 Feiertagsgesetz NW (Neujahr, Karfreitag, Ostermontag, 1. Mai, Christi Himmelfahrt,
Pfingstmontag, Fronleichnam, Allerheiligen, 1. und 2. Weihnachtstag) and the Tag der Deutschen
Einheit (Art. 2 Abs. 2 Einigungsvertrag). 31.10.2017 (500 years of the Reformation) was a holiday
once, in every Land.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

ONCE = {date(2017, 10, 31): "Reformationstag (einmalig 2017)"}


def ostersonntag(jahr: int) -> date:
    """Easter Sunday of the Gregorian calendar (the computus in the form of Meeus, Jones and Butcher)."""
    a, b, c = jahr % 19, jahr // 100, jahr % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month, day = divmod(h + leap - 7 * m + 114, 31)
    return date(jahr, month, day + 1)


@lru_cache(maxsize=64)
def feiertage(jahr: int) -> dict[date, str]:
    """The public holidays in NRW in ``jahr`` with their names (§ 2 Abs. 1 FTG NW; 3. Oktober: Einigungsvertrag)."""
    ostern = ostersonntag(jahr)
    days = {
        date(jahr, 1, 1): "Neujahr",
        ostern - timedelta(days=2): "Karfreitag",
        ostern + timedelta(days=1): "Ostermontag",
        date(jahr, 5, 1): "1. Mai",
        ostern + timedelta(days=39): "Christi Himmelfahrt",
        ostern + timedelta(days=50): "Pfingstmontag",
        ostern + timedelta(days=60): "Fronleichnam",
        date(jahr, 10, 3): "Tag der Deutschen Einheit",
        date(jahr, 11, 1): "Allerheiligen",
        date(jahr, 12, 25): "1. Weihnachtstag",
        date(jahr, 12, 26): "2. Weihnachtstag",
    }
    days.update({day: name for day, name in ONCE.items() if day.year == jahr})
    return days


def ist_werktag(tag: date) -> bool:
    """Monday to Friday and not a public holiday in NRW (a Saturday ends no period: § 193 BGB)."""
    return tag.weekday() < 5 and tag not in feiertage(tag.year)


def naechster_werktag(tag: date) -> date:
    """``tag`` itself if it is a working day, else the next one (§ 193 BGB, § 64 Abs. 3 SGG, § 108 Abs. 3 AO)."""
    while not ist_werktag(tag):
        tag += timedelta(days=1)
    return tag
