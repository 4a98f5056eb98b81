"""Care of a relative in a case: the care insurance's options and the carer's time off.

Wires the case's ``care`` part (:class:`workbench.case.pflege.Care`) to the pure rules of
:mod:`workbench.rules.pflege`; the Pflege wizard, the handout and ``workbench pflege`` read the
same pair.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from workbench.rules.pflege import freistellungen, leistungen
from workbench.rules.pflege.freistellung import Freistellungen
from workbench.rules.pflege.leistungen import PflegeLeistungen

if TYPE_CHECKING:
    from workbench.case import Case


def pflege_results(case: Case, on: date) -> tuple[PflegeLeistungen, Freistellungen] | None:
    """The care-insurance options and the carer's time off for ``case.care`` on ``on``.

    Rechtsgrundlage: §§ 36, 37, 38, 45a, 45b SGB XI; §§ 2, 3 PflegeZG; §§ 2, 3 FPfZG
    """
    care = case.care
    if care is None:
        return None
    r, c = care.recipient, care.carer
    benefits = leistungen(r.pflegegrad, on, Decimal(r.sach_percent))
    leave = freistellungen(on=on, employed=c.employed, employees=c.employer_employees, hours=c.hours_per_week,
                           hours_during=c.hours_during, netto_m=c.net_monthly, netto_waehrend_m=c.net_monthly_during,
                           einmalzahlung=c.one_off_payments, beginn=c.start)
    return benefits, leave


__all__ = ["pflege_results"]
