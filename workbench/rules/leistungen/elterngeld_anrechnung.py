"""How much Elterngeld counts as income in other benefits (§ 10 BEEG).

Two regimes:

- **§ 10 Abs. 1–4 BEEG** (every benefit whose payment depends on other income and is not named in
  Abs. 5: here Wohngeld and the 600 € test of the Unterhaltsvorschuss): 300 € a month stay free,
  with Elterngeld Plus half of it (150 €), and with a multiple birth the amounts multiply by the
  number of children born (Abs. 4).
- **§ 10 Abs. 5 BEEG** (SGB II, SGB XII, Kinderzuschlag § 6a BKGG, AsylbLG): Abs. 1–4 do not apply;
  only as much Elterngeld as the income from work before the birth that the Elterngeld was computed
  from (§ 2 Abs. 1 BEEG) stays free, at most 300 €. Parents without income before the birth keep
  nothing free: the Mindestelterngeld of 300 € counts in full. With Elterngeld Plus we halve the
  free amount and do not multiply it for multiples: our reading, marked unverified in params.yaml.

Pure functions: Decimal in, Decimal out; the values come from ``rules/leistungen/params.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Literal

from workbench.money import ZERO, round_cent
from workbench.parameters import parameters
from workbench.rules.benefit import as_decimal

P = parameters("leistungen")

Leistung = Literal["kinderzuschlag", "buergergeld", "wohngeld", "unterhaltsvorschuss"]
GRUNDSICHERUNG: frozenset[str] = frozenset({"kinderzuschlag", "buergergeld"})
"""The benefits of § 10 Abs. 5 Satz 1 BEEG the Leistungscheck computes (SGB II and § 6a BKGG)."""


@dataclass(frozen=True)
class ElterngeldBezug:
    """The Elterngeld a parent receives now.

    - ``monthly``: the amount paid a month (with Geschwisterbonus and Mehrlingszuschlag).
    - ``plus``: ElterngeldPlus (§ 4a Abs. 2 BEEG) rather than Basiselterngeld.
    - ``children_born``: children of the birth (2 for twins; § 10 Abs. 4 BEEG).
    - ``income_before_birth``: the income from work before the birth the Elterngeld was computed from
      (§ 2 Abs. 1 BEEG, monthly); ``None`` = not known, then at least 300 € is assumed (the rule's upper
      bound; the explanation says so).
    """

    monthly: Decimal
    plus: bool = False
    children_born: int = 1
    income_before_birth: Decimal | None = None


def anrechnungsfrei(bezug: ElterngeldBezug, leistung: Leistung, on: date) -> Decimal:
    """The part of the Elterngeld that does not count as income in ``leistung``, monthly.

    Rechtsgrundlage: § 10 Abs. 1, 3, 4 BEEG; for SGB II and Kinderzuschlag § 10 Abs. 5 BEEG
    """
    if leistung in GRUNDSICHERUNG:
        t = P.value("elterngeld_anrechnungsfrei_grundsicherung", on)
        cap = as_decimal(t["betrag"])
        if bezug.income_before_birth is not None:
            cap = min(cap, max(bezug.income_before_birth, ZERO))
    else:
        t = P.value("elterngeld_anrechnungsfrei", on)
        cap = as_decimal(t["betrag"]) * max(bezug.children_born, 1)
    if bezug.plus:
        cap = round_cent(cap * as_decimal(t["anteil_plus"]))
    return min(max(bezug.monthly, ZERO), cap)


def anzurechnen(bezug: ElterngeldBezug, leistung: Leistung, on: date) -> Decimal:
    """The Elterngeld that counts as income in ``leistung``: the amount above the free part.

    Rechtsgrundlage: § 10 BEEG (see :func:`anrechnungsfrei`)
    """
    return max(bezug.monthly, ZERO) - anrechnungsfrei(bezug, leistung, on)

