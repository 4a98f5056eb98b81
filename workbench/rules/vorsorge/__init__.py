"""Vorsorgevollmacht, Betreuungs- and Patientenverfügung: the checklist and the fees around it."""

from workbench.rules.vorsorge.checklist import (
    DOCUMENTS, ChecklistItem, Kosten, checklist, item_args, item_ids, kosten, registergebuehr,
)

__all__ = ["DOCUMENTS", "ChecklistItem", "Kosten", "checklist", "item_args", "item_ids", "kosten", "registergebuehr"]
