"""Regelbedarfe and the Mehrbedarf for single parents (§§ 20, 21, 23 SGB II).

Pure rules: Decimal in, Decimal out; ``p`` looks the values of ``params.yaml`` up for one date.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from workbench.money import ZERO, round_cent
from workbench.rules.benefit import as_decimal

Lookup = Callable[[str], Any]

VOLLJAEHRIG = 18
"""§ 21 Abs. 3 SGB II counts minor children (§ 2 BGB: of age at 18)."""


def regelbedarf_erwachsene(adults: int, p: Lookup) -> Decimal:
    """The adults' Regelbedarf: Stufe 1 for one adult (alone or single parent), Stufe 2 for
    each of two or more adult partners.

    Rechtsgrundlage: § 20 Abs. 1a, 2 Satz 1, Abs. 4 SGB II
    """
    rb = p("regelbedarf_m")
    return as_decimal(rb["rbs_1"]) if adults == 1 else as_decimal(rb["rbs_2"]) * adults


def regelbedarfsstufe_kind(age: int) -> str:
    """The Regelbedarfsstufe of a child by completed years: 6 (0–5), 5 (6–13), 4 (14–17),
    3 (18–24 in the parents' household).

    Rechtsgrundlage: § 23 Nr. 1 SGB II, § 20 Abs. 2 Satz 2 Nr. 1 SGB II
    """
    return "rbs_6" if age < 6 else "rbs_5" if age < 14 else "rbs_4" if age < VOLLJAEHRIG else "rbs_3"


def regelbedarf_kind(age: int, p: Lookup) -> Decimal:
    """A child's Regelbedarf by age (see :func:`regelbedarfsstufe_kind`).

    Rechtsgrundlage: § 23 Nr. 1 SGB II, § 20 Abs. 2 Satz 2 Nr. 1 SGB II
    """
    return as_decimal(p("regelbedarf_m")[regelbedarfsstufe_kind(age)])


def mehrbedarf_alleinerziehende(ages: Sequence[int], p: Lookup) -> tuple[Decimal, Decimal]:
    """Mehrbedarf of a single parent: 36 % of Regelbedarfsstufe 1 with one child under 7 or
    two or three children under 16, otherwise 12 % per minor child if that is more, at most
    60 %; nothing without a minor child.

    Returns (share, amount to the cent).
    Rechtsgrundlage: § 21 Abs. 3 SGB II
    """
    t = p("mehrbedarf_alleinerziehende")
    minors = [a for a in ages if a < VOLLJAEHRIG]
    share = ZERO
    young = sum(1 for a in minors if a < int(t["alter_zwei_drei"]))
    if any(a < int(t["alter_ein_kind"]) for a in minors) or 2 <= young <= 3:
        share = as_decimal(t["erhoeht"])
    share = min(max(share, as_decimal(t["je_kind"]) * len(minors)), as_decimal(t["hoechstens"]))
    return share, round_cent(share * as_decimal(p("regelbedarf_m")["rbs_1"]))


def mehrbedarf_schwangerschaft(regelbedarf: Decimal, week: int, p: Lookup) -> Decimal:
    """Mehrbedarf of an expectant mother: 17 % of her Regelbedarf from the 13th week of
    pregnancy (after the twelfth) to the end of the month of the birth; nothing before.

    ``week`` is the completed week of pregnancy in the month asked for (the month of the birth
    counts as a whole). Not used by the screenings yet: their inputs carry no week of pregnancy.
    Rechtsgrundlage: § 21 Abs. 2 SGB II
    """
    t = p("mehrbedarf_schwangerschaft")
    if week < int(t["ab_woche"]):
        return ZERO
    return round_cent(as_decimal(t["satz"]) * regelbedarf)
