"""Grundsicherung für Arbeitsuchende (SGB II) as far as other benefits use it.

The Kinderzuschlag (§ 6a Abs. 4 BKGG), the Wohngeld plausibility check (WoGVwV Nr. 15.01 ff.)
and the Bürgergeld comparison of the Leistungscheck (§ 12a SGB II) all measure a household
against its SGB II need and count its income after the § 11b deductions. The values live in
``params.yaml`` beside this file, the rules in :mod:`.bedarfe` (Regelbedarfe, Mehrbedarf),
:mod:`.freibetraege` (§ 11b, § 12 SGB II) and :mod:`.unterkunft` (Kosten der Unterkunft).

The functions take a parameter lookup ``p`` (name → value for one date): a
:class:`~workbench.rules.benefit.UsedParameters` over :data:`P`, or :func:`lookup` for callers
without one, so each result can name the unverified values it used.
"""

from __future__ import annotations

from workbench.rules.grundsicherung.bedarfe import (VOLLJAEHRIG, mehrbedarf_alleinerziehende, mehrbedarf_schwangerschaft,
                                                    regelbedarf_erwachsene, regelbedarf_kind, regelbedarfsstufe_kind)
from workbench.rules.grundsicherung.freibetraege import (erwerbstaetigen_absetzbetrag, versicherungspauschale,
                                                         vermoegensfreibetrag)
from workbench.rules.grundsicherung.parameter import BENEFIT, P, lookup
from workbench.rules.grundsicherung.unterkunft import kopfanteil

__all__ = [
    "BENEFIT", "P", "VOLLJAEHRIG", "erwerbstaetigen_absetzbetrag", "kopfanteil", "lookup",
    "mehrbedarf_alleinerziehende", "mehrbedarf_schwangerschaft", "regelbedarf_erwachsene", "regelbedarf_kind",
    "regelbedarfsstufe_kind", "vermoegensfreibetrag", "versicherungspauschale",
]
