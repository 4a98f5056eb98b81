"""Kinderzuschlag (§ 6a BKGG): inputs, rules and the explained result.

Public API::

    from workbench.rules.kinderzuschlag import KizAdult, KizChild, KizInput, kinderzuschlag
    result = kinderzuschlag(KizInput(month=..., adults=(...), children=(...), rent_cold=..., heating=...))
"""

from workbench.rules.kinderzuschlag.engine import bewilligungszeitraum, kinderzuschlag
from workbench.rules.kinderzuschlag.inputs import KizAdult, KizChild, KizInput, average_of_months

__all__ = ["KizAdult", "KizChild", "KizInput", "average_of_months", "bewilligungszeitraum", "kinderzuschlag"]
