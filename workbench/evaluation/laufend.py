"""Benefits that already run ("läuft bereits"): what the family receives is not applied for again.

The case says per child what runs (``receives``: Kindergeld with its number, KiZ, UVG) and per household
(``benefits.receives_kinderzuschlag`` / ``receives_wohngeld``). A benefit runs for the household when it
runs for every child it is paid for; the Leistungscheck then shows "läuft bereits" and the handout leaves
out its application step. A child it does not run for yet (the newborn beside a sister with Kindergeld)
keeps its application: KG 1 with one Anlage Kind for that child (§ 67 EStG).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from workbench.rules.leistungen.result import BenefitResult

if TYPE_CHECKING:
    from workbench.case import Case, Child


def _runs_for(benefit: str, child: Child) -> bool:
    r = child.receives
    if r is None:
        return False
    if benefit == "kindergeld":
        return r.kindergeld is not None
    if benefit == "unterhaltsvorschuss":
        return r.unterhaltsvorschuss
    if benefit == "kinderzuschlag":
        return r.kinderzuschlag
    return False


def mark_running(case: Case, results: dict[str, BenefitResult]) -> dict[str, BenefitResult]:
    """``results`` with ``running`` set where the benefit already runs (per child and for the household)."""
    children = {c.id: c for c in case.household.children}
    household = case.household.benefits
    out = dict(results)
    for name, result in results.items():
        marked = tuple(replace(c, running=c.child_id in children and _runs_for(name, children[c.child_id]))
                       for c in result.children)
        paid = [c for c in marked if c.eligible is not False]
        running = bool(paid) and all(c.running for c in paid)
        if name == "kinderzuschlag":
            running = bool(household and household.receives_kinderzuschlag) or any(
                _runs_for(name, c) for c in case.household.children)
        elif name == "wohngeld":
            running = bool(household and household.receives_wohngeld)
        elif not result.children:
            running = False
        out[name] = replace(result, children=marked, running=running)
    return out


__all__ = ["mark_running"]
