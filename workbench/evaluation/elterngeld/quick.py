"""A quick case from four answers: gross wage, tax class, birth date, church tax.

Used by the start page's quick calculation: one employee, statutory insurance, twelve
months of Basiselterngeld.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from workbench.case import Case, load_case
from workbench.rules.elterngeld.geburten import check_modelled


def quick_case(gross_monthly: Decimal, tax_class: int, birth_date: date, church_tax: bool = False,
               language: str = "de") -> Case:
    """A one-parent case for a quick estimate; raises CaseError or UnsupportedPeriod on bad input."""
    check_modelled(birth_date, language)
    kind = "employee" if gross_monthly > 0 else "none"
    income: dict[str, object] = {"kind": kind}
    if kind == "employee":
        income.update(gross_monthly=gross_monthly, tax_class=tax_class, church_tax=church_tax)
    return load_case({
        "format": "workbench-case/1",
        "case_id": "schnellrechnung",
        "language": language,
        "household": {
            "parents": [{"id": "A", "income_before_birth": income}],
            "children": [{"id": "K1", "birth_date": birth_date.isoformat()}],
        },
        "elterngeld_plan": {"child": "K1", "months": {"A": "B" * 12}},
    })
