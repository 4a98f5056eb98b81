"""The Vorsorge checklist (data in ``checklist.yaml``) and the two fees a family can plan with.

Nothing here is legal advice: each item repeats what the BMJ brochures, the Zentrales
Vorsorgeregister or the Betreuungsbehörde Bochum say, with the paragraph it rests on.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Any

from workbench.clock import today as clock_today
from workbench.parameters import load_yaml_text, parameters
from workbench.resources import beside

P = parameters("vorsorge")
CHECKLIST = beside(__name__, "checklist.yaml")
DOCUMENTS = ("vollmacht", "betreuungsverfuegung", "patientenverfuegung")


@dataclass(frozen=True)
class ChecklistItem:
    """One point of the checklist: its id (message ``vorsorge.item.<id>``), document, law and source."""

    id: str
    document: str
    citation: str
    source: str


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    data: dict[str, Any] = load_yaml_text(CHECKLIST.read_text(encoding="utf-8"))
    return data


def sources() -> dict[str, str]:
    """The sources the items name, by key."""
    return dict(_data()["sources"])


def checklist(documents: Sequence[str] = DOCUMENTS) -> list[ChecklistItem]:
    """The items for the chosen documents, in the order of ``DOCUMENTS``.

    Rechtsgrundlage: §§ 1820, 1816 Abs. 2, 1827, 1358 BGB; § 7 BtOG; § 78a BNotO
    """
    docs = _data()["documents"]
    return [ChecklistItem(str(item["id"]), doc, str(item["citation"]), str(item["source"]))
            for doc in DOCUMENTS if doc in documents for item in docs[doc]["items"]]


def item_args(on: date | None = None) -> dict[str, str]:
    """The figures the item texts name, from params.yaml on ``on`` (today by default).

    ``months``: how long the Ehegatten-Notvertretungsrecht lasts at most (§ 1358 Abs. 3 Nr. 4 BGB).
    """
    return {"months": str(P.value("ehegattennotvertretung_monate", on or clock_today()))}


def document_citation(document: str) -> str:
    """The paragraph that governs ``document`` (``§ 1820 BGB``)."""
    return str(_data()["documents"][document]["citation"])


def item_ids() -> list[str]:
    """Every item id of the checklist."""
    return [item.id for item in checklist()]


def registergebuehr(on: date, weg: str = "online", zahlung: str = "lastschrift", personen: int = 1) -> Decimal:
    """One-off fee to register a Vorsorgeurkunde in the Zentrales Vorsorgeregister.

    The base fee covers one person of trust; each further one costs extra. Patienten- and
    Betreuungsverfügung registered with the Vollmacht cost nothing extra.
    Rechtsgrundlage: § 78a BNotO i. V. m. Vorsorgeregister-Gebührensatzung
    """
    table = P.value("registergebuehr", on)[weg]
    return Decimal(table[zahlung]) + Decimal(table["weitere_person"]) * max(personen - 1, 0)


@dataclass(frozen=True)
class Kosten:
    """What the plan costs: certification by the Betreuungsbehörde and the register fee."""

    beglaubigung: Decimal
    register: Decimal

    @property
    def total(self) -> Decimal:
        return self.beglaubigung + self.register


def kosten(on: date, *, certification: bool, register: str, payment: str, agents: int,
           documents: Sequence[str]) -> Kosten:
    """Fees of the plan: 10 € certification (if wanted), the register fee (if registered).

    Only a Vollmacht or a Betreuungsverfügung is certified and registered; a Patientenverfügung
    alone is registered only together with one of them.
    Rechtsgrundlage: § 7 BtOG; § 78a BNotO i. V. m. Vorsorgeregister-Gebührensatzung
    """
    registrable = any(d in documents for d in ("vollmacht", "betreuungsverfuegung"))
    cert = Decimal(P.value("beglaubigung_betreuungsbehoerde", on)) if certification and registrable else Decimal(0)
    fee = (registergebuehr(on, register, payment, max(agents, 1)) if register != "none" and registrable
           else Decimal(0))
    return Kosten(cert, fee)
