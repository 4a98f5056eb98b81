"""Kinderzuschlag and Wohngeld for the Leistungscheck: the case mapped onto their rules' inputs.

The rules themselves live in their own modules (written separately); this module builds their
input dataclasses from a case and adapts their results to :class:`BenefitResult`.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from workbench.explain import Explanation
from workbench.money import ZERO
from workbench.rules.leistungen.result import BenefitResult

if TYPE_CHECKING:
    from workbench.case import Case


def kinderzuschlag(case: Case, on: date, kindergeld: BenefitResult, uvg_by_child: dict[str, Decimal]) -> BenefitResult:
    """KiZ of the household; UVG counts as the child's income (§ 6a Abs. 3 BKGG)."""
    return BenefitResult("kinderzuschlag", None, ZERO, ("leistungen.kiz.not_computed",), Explanation())


def wohngeld(case: Case, on: date) -> BenefitResult:
    """Wohngeld (Mietzuschuss) of the household."""
    return BenefitResult("wohngeld", None, ZERO, ("leistungen.wg.not_computed",), Explanation())
