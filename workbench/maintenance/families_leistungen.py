"""Kindergeld and Unterhaltsvorschuss of the example families, for "was ändert sich".

The parameters of ``rules/leistungen/params.yaml`` that change the example families' money are
the Kindergeld and, for a single parent, the Unterhaltsvorschuss (Mindestunterhalt − Kindergeld);
each family is checked in the month of the comparison date with its child born on that date.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workbench.maintenance.families import Family


def kindergeld_und_uvg_monthly(family: "Family", on: date) -> Decimal:
    """Kindergeld plus UVG per month of the example family (the Leistungscheck's mapping of its case)."""
    from workbench.case import load_case
    from workbench.evaluation.leistungscheck import kindergeld_of_case, unterhaltsvorschuss_of_case

    case = load_case(family.case_data(on))
    return kindergeld_of_case(case, on).monthly + unterhaltsvorschuss_of_case(case, on).monthly
