"""Assessed income tax of a calendar year and the Progressionsvorbehalt of § 32b EStG.

Elterngeld (§ 3 Nr. 67 Buchst. b EStG), Mutterschaftsgeld and the employer's top-up (§ 3 Nr. 1
Buchst. d EStG) are tax-free, but they raise the rate on the other income: the "besondere
Steuersatz" is the tariff's average rate on the taxable income *plus* the benefits, applied to
the taxable income alone (§ 32b Abs. 1 Satz 1 Nr. 1 Buchst. c and j, Abs. 2 EStG). The benefits
count after the Arbeitnehmer-Pauschbetrag in so far as the wages did not use it up
(§ 32b Abs. 2 Satz 1 Nr. 1 EStG).

Rounding, declared once: the taxable income and the income for the rate are cut to full euros
(§ 32a Abs. 1 Satz 1 EStG); the besondere Steuersatz is cut to four decimals of a percent (the
practice of the tax offices' programs, not verified against an official source, docs/steuer.md);
the tax is cut to full euros (§ 32a Abs. 1 Satz 6 EStG).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_DOWN, Decimal

from workbench.explain import Explanation
from workbench.parameters import parameters
from workbench.rules.steuer.tarif import Tarif, einkommensteuer_splitting

ZERO = Decimal(0)
ONE = Decimal(1)
RATE_PLACES = Decimal("0.000001")  # four decimals of a percent


def _euro_down(value: Decimal) -> Decimal:
    return value.quantize(ONE, rounding=ROUND_DOWN)


def tarif(year: int) -> Tarif:
    """The § 32a tariff of ``year`` (a year after the newest known one uses its values, flagged provisional)."""
    ps = parameters("steuer")
    on = date(year, 1, 1)
    return Tarif.from_params(ps.value("grundfreibetrag", on), ps.value("tarif_32a", on))


def tarifliche_steuer(zve: Decimal, year: int, splitting: bool) -> Decimal:
    """Tarifliche Einkommensteuer on the taxable income, Grund- or Splittingtarif, in full euros.

    Rechtsgrundlage: § 32a Abs. 1 und 5 EStG, § 26b EStG
    """
    if zve < ONE:
        return ZERO
    return einkommensteuer_splitting(_euro_down(zve), tarif(year), 2 if splitting else 1)


def leistungen_nach_pauschbetrag(leistungen: Decimal, arbeitslohn: Decimal, year: int) -> Decimal:
    """One person's benefits for the rate, after the Arbeitnehmer-Pauschbetrag the wages did not use up.

    With Werbungskosten at the Pauschbetrag (the assumption of this estimate), the wages use
    ``min(wage, Pauschbetrag)``; the rest of the Pauschbetrag reduces the benefits, not below zero.
    Rechtsgrundlage: § 32b Abs. 2 Satz 1 Nr. 1 EStG, § 9a Satz 1 Nr. 1 Buchst. a, Satz 2 EStG
    """
    if leistungen <= ZERO:
        return ZERO
    pauschbetrag = Decimal(parameters("steuer").value("arbeitnehmer_pauschbetrag", date(year, 1, 1)))
    rest = max(pauschbetrag - max(arbeitslohn, ZERO), ZERO)
    return max(leistungen - rest, ZERO)


@dataclass(frozen=True)
class Progression:
    """Assessed tax of one calendar year without and with the Progressionsvorbehalt."""

    year: int
    splitting: bool
    zve: Decimal
    leistungen: Decimal          # benefits for the rate, after § 32b Abs. 2 Satz 1 Nr. 1
    steuer_ohne: Decimal         # § 32a tax on the zvE alone
    satz: Decimal                # besondere Steuersatz as a fraction (0.215432 = 21.5432 %)
    steuer_mit: Decimal          # zvE × besondere Steuersatz
    explanation: Explanation = field(compare=False)

    @property
    def mehrsteuer(self) -> Decimal:
        """What the Progressionsvorbehalt adds to the year's income tax."""
        return self.steuer_mit - self.steuer_ohne


def progressionsvorbehalt(zve: Decimal, leistungen: Decimal, year: int, splitting: bool) -> Progression:
    """Income tax of the year with the besondere Steuersatz of § 32b Abs. 2 EStG.

    ``zve`` is the taxable income (both spouses together under ``splitting``), ``leistungen`` the
    benefits for the rate already reduced by :func:`leistungen_nach_pauschbetrag`. The rate is
    the tariff tax on ``zve + leistungen`` divided by ``zve + leistungen``; it applies to ``zve``.
    Rechtsgrundlage: § 32b Abs. 1 Satz 1 Nr. 1, Abs. 2 EStG, § 32a Abs. 1 und 5 EStG
    """
    expl = Explanation()
    zve = _euro_down(max(zve, ZERO))
    ohne = tarifliche_steuer(zve, year, splitting)
    tarif_name = "splitting" if splitting else "grund"
    expl.add(f"steuer.tarif_{tarif_name}", ohne, "§ 32a Abs. 5 EStG, § 26b EStG" if splitting else "§ 32a Abs. 1 EStG",
             zve=zve, year=year)
    basis = _euro_down(zve + max(leistungen, ZERO))
    if leistungen <= ZERO or zve <= ZERO or basis <= ZERO:
        expl.add("steuer.pv_keiner", ZERO, "§ 32b Abs. 1, 2 EStG", leistungen=max(leistungen, ZERO))
        return Progression(year, splitting, zve, max(leistungen, ZERO), ohne, ZERO, ohne, expl)
    steuer_basis = tarifliche_steuer(basis, year, splitting)
    satz = (steuer_basis / basis).quantize(RATE_PLACES, rounding=ROUND_DOWN)
    expl.add("steuer.pv_satz", (satz * 100).quantize(Decimal("0.0001")), "§ 32b Abs. 2 Satz 1 Nr. 1 EStG",
             zve=zve, leistungen=leistungen, basis=basis, steuer=steuer_basis)
    mit = _euro_down(zve * satz)
    expl.add("steuer.pv_steuer", mit, "§ 32b Abs. 1 Satz 1 EStG", zve=zve, satz=(satz * 100).quantize(Decimal("0.0001")))
    expl.add("steuer.pv_mehr", mit - ohne, "§ 32b EStG", mit=mit, ohne=ohne)
    return Progression(year, splitting, zve, leistungen, ohne, satz, mit, expl)
