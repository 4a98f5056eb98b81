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
from workbench.i18n import text
from workbench.money import ZERO
from workbench.parameter_tracking import ProvisionalValue
from workbench.parameters import ParameterSet
from workbench.rules.benefit import Reason

UNVERIFIED_MARK = "nicht verifiziert"


@dataclass(frozen=True)
class ChildAmount:
    """A benefit's share for one child (Kindergeld, UVG, BuT)."""

    child_id: str
    eligible: bool | None
    monthly: Decimal = ZERO
    reasons: tuple[str, ...] = ()
    running: bool = False
    """Already paid for this child ("läuft bereits", ``children[].receives``)."""


@dataclass(frozen=True)
class BenefitResult:
    """What one benefit gives the household: entitled or not, how much a month, why."""

    benefit: str
    eligible: bool | None
    monthly: Decimal
    reasons: tuple[str | Reason, ...]
    explanation: Explanation = field(default_factory=Explanation)
    unverified: tuple[str, ...] = ()
    children: tuple[ChildAmount, ...] = ()
    yearly: Decimal | None = None
    period: tuple[date, date] | None = None
    """Bewilligungszeitraum where the law fixes one (KiZ, Wohngeld)."""
    check_buergergeld: bool = False
    """The rule itself says the household should be checked for Bürgergeld instead."""
    provisional: tuple[ProvisionalValue, ...] = ()
    """Latest known values used after their yearly update was due ("vorläufig", ADR 0019)."""
    running: bool = False
    """The family already receives it for every child it is paid for: nothing to apply for ("läuft bereits")."""

    def reason_keys(self) -> list[str]:
        return [r if isinstance(r, str) else r.key for r in self.reasons]

    def reason_texts(self, language: str) -> list[str]:
        """The reasons in ``language`` (plain keys or the KiZ/Wohngeld rules' keys with arguments)."""
        return [text(r, language) if isinstance(r, str) else r.text(language) for r in self.reasons]


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
