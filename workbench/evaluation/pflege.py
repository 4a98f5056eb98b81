"""Care of a relative in a case: the care insurance's options and the carer's time off.

Wires the case's ``care`` part (:class:`workbench.case.pflege.Care`) to the pure rules of
:mod:`workbench.rules.pflege`; the Pflege wizard, the handout and ``workbench pflege`` read the
same pair.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from workbench.parameters import parameters
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


def leave_lengths(on: date) -> dict[str, int]:
    """How long each kind of time off lasts at most, its notice and the days of Pflegeunterstützungsgeld on ``on``
    (the family's sheet in Leichte Sprache names them as numbers).

    Rechtsgrundlage: § 2 Abs. 1, § 3 Abs. 3, § 4 Abs. 1 PflegeZG; § 2 Abs. 1, § 2a Abs. 1 FPfZG; § 44a Abs. 3 SGB XI
    """
    p = parameters("pflege")
    return {"days": int(p.value("kurzzeitige_arbeitsverhinderung_arbeitstage", on)),
            "pug_days": int(p.value("pflegeunterstuetzungsgeld_tage_y", on)),
            "pz_months": int(p.value("pflegezeit_monate", on)),
            "pz_notice_days": int(p.value("pflegezeit_ankuendigung_arbeitstage", on)),
            "fpz_months": int(p.value("familienpflegezeit_monate", on)),
            "fpz_notice_weeks": int(p.value("familienpflegezeit_ankuendigung_wochen", on)),
            "pz_size": int(p.value("pflegezeit_beschaeftigte_mehr_als", on)),
            "fpz_size": int(p.value("familienpflegezeit_beschaeftigte_mehr_als", on)),
            "fpz_hours": int(Decimal(p.value("familienpflegezeit_mindeststunden", on)))}


__all__ = ["leave_lengths", "pflege_results"]
