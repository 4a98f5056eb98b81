"""Vorsorge checklist data and fees (Zentrales Vorsorgeregister, Betreuungsbehörde Bochum)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from workbench.i18n import catalog
from workbench.rules.vorsorge import checklist, item_ids, kosten, registergebuehr
from workbench.rules.vorsorge.checklist import sources

ON = date(2026, 1, 15)


@pytest.mark.parametrize(("weg", "zahlung", "personen", "fee"), [
    ("online", "lastschrift", 1, D("13.00")),    # vorsorgeregister.de: online, direct debit
    ("online", "ueberweisung", 1, D("15.50")),
    ("online", "lastschrift", 4, D("20.50")),    # vorsorgeregister.de example Online-2: 13 + 3 × 2.50
    ("post", "lastschrift", 1, D("16.00")),
    ("post", "ueberweisung", 2, D("21.50")),
])
def test_register_fee_follows_the_vorsorgeregister_table(weg: str, zahlung: str, personen: int, fee: D) -> None:
    assert registergebuehr(ON, weg, zahlung, personen) == fee


def test_certification_by_the_betreuungsbehoerde_costs_10_euro() -> None:
    plan = kosten(ON, certification=True, register="online", payment="lastschrift", agents=2,
                  documents=["vollmacht", "patientenverfuegung"])
    assert (plan.beglaubigung, plan.register, plan.total) == (D(10), D("15.50"), D("25.50"))


def test_a_patientenverfuegung_alone_is_neither_certified_nor_registered() -> None:
    plan = kosten(ON, certification=True, register="online", payment="lastschrift", agents=1,
                  documents=["patientenverfuegung"])
    assert plan.total == 0


def test_every_item_has_a_citation_a_known_source_and_texts_in_both_languages() -> None:
    known = sources()
    for item in checklist():
        assert item.citation.startswith("§") and item.source in known
        for suffix in ("", "_family"):
            texts = catalog()[f"vorsorge.item.{item.id}{suffix}"]
            assert texts["de"].strip() and texts["en"].strip()


def test_the_checklist_covers_the_three_documents_and_only_the_chosen_ones() -> None:
    assert {i.document for i in checklist()} == {"vollmacht", "betreuungsverfuegung", "patientenverfuegung"}
    assert {i.document for i in checklist(["patientenverfuegung"])} == {"patientenverfuegung"}
    assert len(item_ids()) == len(set(item_ids())) == 15
