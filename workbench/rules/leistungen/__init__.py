"""The Leistungscheck: Kindergeld, Kinderfreibetrag, Kinderzuschlag, Bildung und Teilhabe,
Unterhaltsvorschuss and Wohngeld of one household, with their interactions (docs/leistungscheck.md).

Each benefit is a pure function of its own input dataclass and the date of the check and
returns a :class:`~workbench.rules.leistungen.result.BenefitResult`;
:mod:`workbench.evaluation.leistungscheck` maps a case onto those inputs and applies the
interactions (§ 14 of benefits.md), :mod:`workbench.report.leistungscheck` adds the office, forms
and deadlines from ``offices.yaml``.
"""
