"""Kosten der Unterkunft und Heizung (§ 22 SGB II) as the screenings use them.

The workbench takes the actual warm rent as the need for housing and heating; whether it is
appropriate (§ 22 Abs. 1 Satz 1 SGB II, the municipality's Richtwerte) is not checked, the
Jobcenter decides that. Where one person's need is asked for (a child's own need in the
Kinderzuschlag's test of § 6a Abs. 1 Nr. 3 BKGG), the rent is shared per head.
"""

from __future__ import annotations

from decimal import Decimal


def kopfanteil(warm_rent: Decimal, persons: int) -> Decimal:
    """One person's share of the warm rent: shared equally by the people living in the flat
    (the Kopfteilprinzip of the Bundessozialgericht's case law; the leading decision is not cited
    here because it could not be verified in this session).

    Unrounded: the callers round their totals.
    Rechtsgrundlage: § 22 Abs. 1 Satz 1 SGB II
    """
    return warm_rent / persons
