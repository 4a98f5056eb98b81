"""Wohngeld (Mietzuschuss, WoGG): inputs, rules and the explained result.

Public API::

    from workbench.rules.wohngeld import WohngeldInput, WohngeldMember, wohngeld
    result = wohngeld(WohngeldInput(month=..., members=(...), rent_cold=..., heating=...))
"""

from workbench.rules.wohngeld.engine import wohngeld
from workbench.rules.wohngeld.inputs import WohngeldInput, WohngeldMember

__all__ = ["WohngeldInput", "WohngeldMember", "wohngeld"]
