"""One result shape for all six benefits of the Leistungscheck.

``eligible`` is True (entitled), False (not entitled) or None (to check: the data or the
law leaves it open, the reasons say why). ``monthly`` is euros per month (0 when not
entitled; a yearly benefit shows its twelfth). ``reasons`` are message keys of
``workbench/messages/leistungen.yaml`` (or of the rule's own catalog), ``unverified`` the
names of parameters whose value could not be verified ("bitte prüfen").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from workbench.explain import Explanation
from workbench.money import ZERO
from workbench.parameters import ParameterSet

UNVERIFIED_MARK = "nicht verifiziert"


@dataclass(frozen=True)
class ChildAmount:
    """A benefit's share for one child (Kindergeld, UVG, BuT)."""

    child_id: str
    eligible: bool | None
    monthly: Decimal = ZERO
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class BenefitResult:
    """What one benefit gives the household: entitled or not, how much a month, why."""

    benefit: str
    eligible: bool | None
    monthly: Decimal
    reasons: tuple[str, ...]
    explanation: Explanation = field(default_factory=Explanation)
    unverified: tuple[str, ...] = ()
    children: tuple[ChildAmount, ...] = ()
    yearly: Decimal | None = None


def unverified_parameters(ps: ParameterSet, names: Sequence[str], on: date) -> tuple[str, ...]:
    """Those of ``names`` whose value on ``on`` carries "(nicht verifiziert)" in its reference."""
    return tuple(name for name in names if UNVERIFIED_MARK in ps.reference(name, on))


def combine(eligibles: Sequence[bool | None]) -> bool | None:
    """Household eligibility from its children's: True if any is, None if any is open, else False."""
    if any(e is True for e in eligibles):
        return True
    if any(e is None for e in eligibles):
        return None
    return False


def step_key(reason: str) -> str:
    """The explanation step of a per-child reason: ``leistungen.kg.under_18`` → ``leistungen.step.kg.under_18``."""
    return reason.replace("leistungen.", "leistungen.step.", 1)
