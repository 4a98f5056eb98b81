"""The parameter set of the Grundsicherung and a lookup for one date."""

from __future__ import annotations

from datetime import date

from workbench.parameters import parameters
from workbench.rules.benefit import UsedParameters

BENEFIT = "grundsicherung"
P = parameters(BENEFIT)


def lookup(on: date) -> UsedParameters:
    """The Grundsicherung values in force on ``on``, remembering the unverified ones used."""
    return UsedParameters(P, on)
