"""Vorsorge of a case: the checklist of the chosen documents with what is done, and the fees.

Wires the case's ``vorsorge`` part (:class:`workbench.case.pflege.Vorsorge`) to the pure rules
of :mod:`workbench.rules.vorsorge`; the handout, the family's summary and ``workbench vorsorge``
read the same values.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from workbench.rules.vorsorge import checklist, kosten
from workbench.rules.vorsorge.checklist import ChecklistItem, Kosten

if TYPE_CHECKING:
    from workbench.case import Case


def vorsorge_checklist(case: Case, documents: list[str] | None = None) -> list[tuple[ChecklistItem, bool]]:
    """Each checklist item of the case's chosen documents (or of ``documents``) and whether it is done."""
    v = case.vorsorge
    if v is None:
        return []
    return [(item, item.id in v.done) for item in checklist(v.documents if documents is None else documents)]


def vorsorge_kosten(case: Case, on: date) -> Kosten | None:
    """What the case's plan costs on ``on``: certification and register fee.

    Rechtsgrundlage: § 7 BtOG; § 78a BNotO i. V. m. Vorsorgeregister-Gebührensatzung
    """
    v = case.vorsorge
    if v is None:
        return None
    return kosten(on, certification=v.certification, register=v.registry, payment=v.payment, agents=v.agents,
                  documents=v.documents)


__all__ = ["vorsorge_checklist", "vorsorge_kosten"]
