"""Which Steuerklasse the Elterngeld-Netto uses, and by when a change of class must be applied for.

§ 2c Abs. 3 BEEG: the deduction features (Steuerklasse among them) are those of the pay slip of the
last month of the Bemessungszeitraum; a different feature counts instead if it held in the
greater number ("überwiegende Zahl") of the assessment months. A change of tax class between
spouses takes effect from the first day of the month after the application (§ 39 Abs. 6 Satz 3
EStG). So a new class counts when the old one held in at most 6 of the 12 months; the office's
deadline asks for 7 months of the new class, one month in reserve because a birth before the due
date moves the Bemessungszeitraum one month earlier (docs/steuer.md).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from workbench.explain import Explanation

Month = tuple[int, int]

MONATE_NEUE_KLASSE = 7
"""Months of the Bemessungszeitraum the office asks the new class to hold (law: 6, plus one in reserve)."""


def massgebliche_steuerklasse(klassen: Sequence[int]) -> int:
    """The class that counts, from the classes of the assessment months (oldest first).

    The last month's class, unless another class held in more than half of the months.
    Rechtsgrundlage: § 2c Abs. 3 Satz 1 und 2 BEEG
    """
    if not klassen:
        raise ValueError("klassen needs the classes of the assessment months")
    letzte = klassen[-1]
    for klasse, anzahl in Counter(klassen).items():
        if klasse != letzte and anzahl * 2 > len(klassen):
            return klasse
    return letzte


@dataclass(frozen=True)
class Wechselfrist:
    """When a new class must take effect and by when it must be applied for."""

    wirksam_ab: date          # first day of the first month the new class must hold
    antrag_bis: date          # last day to apply at the Finanzamt (or ELSTER)
    erster_monat: Month       # first month of the Bemessungszeitraum
    letzter_monat: Month      # last month of the Bemessungszeitraum
    explanation: Explanation


def wechselfrist(bemessungsmonate: Sequence[Month]) -> Wechselfrist:
    """Deadline for a change of tax class that is to count for the Elterngeld.

    The new class must hold in the last :data:`MONATE_NEUE_KLASSE` months of the Bemessungszeitraum;
    it takes effect from the month after the application, so the application is due by the last
    day of the month before.
    Rechtsgrundlage: § 2c Abs. 3 Satz 2 BEEG, § 39 Abs. 6 Satz 3 EStG, § 2b Abs. 1 BEEG
    """
    months = list(bemessungsmonate)
    if len(months) < MONATE_NEUE_KLASSE:
        raise ValueError("the Bemessungszeitraum has 12 months")
    year, month = months[len(months) - MONATE_NEUE_KLASSE]
    wirksam = date(year, month, 1)
    antrag = wirksam - timedelta(days=1)
    expl = Explanation()
    expl.add("steuerklasse.bemessungszeitraum", None, "§ 2b Abs. 1 BEEG",
             first=f"{months[0][1]:02d}/{months[0][0]}", last=f"{months[-1][1]:02d}/{months[-1][0]}")
    expl.add("steuerklasse.wirksam_ab", wirksam, "§ 2c Abs. 3 Satz 2 BEEG", monate=MONATE_NEUE_KLASSE)
    expl.add("steuerklasse.antrag_bis", antrag, "§ 39 Abs. 6 Satz 3 EStG")
    return Wechselfrist(wirksam, antrag, months[0], months[-1], expl)
