"""Whether a Kita place in Bochum costs a parental fee, as far as the rules are verified.

In this order (the first that applies decides):

1. The parents receive Bürgergeld (SGB II), Sozialhilfe (SGB XII), AsylbLG benefits,
   Kinderzuschlag or Wohngeld: no fee (§ 90 Abs. 4 SGB VIII).
2. From the Kindergartenjahr that starts in the calendar year in which the child turns 4 by
   30 September, until school: no fee (§ 50 Abs. 1 KiBiz), in effect the last two Kita years.
3. Household gross income per year up to 40,000 € (Bochum, since 1 August 2025): no fee.
4. Otherwise the fee follows the bracket table of Bochum's Elternbeitragssatzung (income bracket,
   under/over 2, 25/35/45 hours). That table was not verified: the result says "Satzung prüfen"
   and never shows an amount.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Literal

from workbench.errors import UnsupportedPeriod
from workbench.explain import Explanation
from workbench.parameters import parameters
from workbench.rules.elternzeit.fristen import geburtstag

P = parameters("kita")

TRANSFERS = ("none", "kiz", "wohngeld", "buergergeld", "sgb_xii", "asylblg")
Transfer = Literal["none", "kiz", "wohngeld", "buergergeld", "sgb_xii", "asylblg"]
Status = Literal["frei_transfer", "frei_vorschule", "frei_einkommen", "satzung_pruefen"]
SATZUNG_URL = "https://www.bochum.de"
PORTAL_URL = "https://www.kitaportal-bochum.de"


def beitragsfrei_ab(geburt: date) -> date:
    """First day of the fee-free years before school: 1 August of the year the child turns 4 by 30 September.

    A 4th birthday on 1 October or later moves the start to the next 1 August (for
    "Kann-Kinder" who start school early that leaves one fee-free year).
    Rechtsgrundlage: § 50 Abs. 1 KiBiz
    """
    in_force = P.parameter("beitragsfrei_vorschule").values[0].valid_from  # § 50 KiBiz since 01.08.2020
    rule = P.value("beitragsfrei_vorschule", max(date(geburt.year + 4, 8, 1), in_force))  # the rule of that Kita year
    fourth = geburtstag(geburt, int(rule["alter"]))
    cutoff = date(fourth.year, int(rule["stichtag_monat"]), int(rule["stichtag_tag"]))
    year = fourth.year if fourth <= cutoff else fourth.year + 1
    return max(date(year, 8, 1), in_force)


@dataclass
class Beitrag:
    """The fee status for one month: free (and why) or "Satzung prüfen"."""

    status: Status
    monat: date
    frei_vorschule_ab: date
    amount: Decimal | None            # 0 € when free; None: the Satzung's table decides
    explanation: Explanation = field(default_factory=Explanation)

    @property
    def free(self) -> bool:
        return self.status != "satzung_pruefen"


def beitrag(geburt: date, monat: date, einkommen_y: Decimal | None, transfer: str = "none") -> Beitrag:
    """The parental fee status in Bochum for a month of care.

    Rechtsgrundlage: § 90 Abs. 4 SGB VIII; § 50 Abs. 1 KiBiz; § 51 KiBiz i. V. m. Elternbeitragssatzung Bochum
    """
    expl = Explanation()
    vorschule = beitragsfrei_ab(geburt)
    if transfer not in TRANSFERS:
        raise ValueError(f"unknown transfer {transfer!r}")
    if transfer != "none":
        expl.add("kita.step.frei_transfer", Decimal(0), "§ 90 Abs. 4 SGB VIII", transfer=transfer)
        return Beitrag("frei_transfer", monat, vorschule, Decimal(0), expl)
    expl.add("kita.step.vorschule_ab", vorschule, "§ 50 Abs. 1 KiBiz")
    if monat >= vorschule:
        expl.add("kita.step.frei_vorschule", Decimal(0), "§ 50 Abs. 1 KiBiz")
        return Beitrag("frei_vorschule", monat, vorschule, Decimal(0), expl)
    try:
        limit = Decimal(P.value("beitragsfrei_einkommen_y", monat))
    except UnsupportedPeriod:
        expl.add("kita.step.vor_2025", None, "Elternbeitragssatzung Bochum")
        return Beitrag("satzung_pruefen", monat, vorschule, None, expl)
    if einkommen_y is not None and einkommen_y <= limit:
        expl.add("kita.step.frei_einkommen", Decimal(0), "Elternbeitragssatzung Bochum (ab 01.08.2025)",
                 income=einkommen_y, limit=limit)
        return Beitrag("frei_einkommen", monat, vorschule, Decimal(0), expl)
    expl.add("kita.step.satzung", None, "§ 51 KiBiz, Elternbeitragssatzung Bochum", income=einkommen_y, limit=limit)
    return Beitrag("satzung_pruefen", monat, vorschule, None, expl)
