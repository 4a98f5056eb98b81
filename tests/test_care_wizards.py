"""The Kita, Pflege and Vorsorge wizards driven in Python: entries → saved case → result cards."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tests.memory_store import MemoryStore
from workbench.ui.pages.kita import KitaWizard, new_kita_case
from workbench.ui.pages.pflege import PflegeWizard, new_pflege_case
from workbench.ui.pages.vorsorge import VorsorgeWizard, new_vorsorge_case


def fill(wizard: Any, values: dict[str, Any]) -> None:
    fields = wizard.step.fields()
    for path, value in values.items():
        # a date is typed day first, as the advisor does (ADR 0034)
        fields[path].input.value = f"{value:%d.%m.%Y}" if isinstance(value, date) else value


def test_pflege_wizard_shows_the_combination_for_pflegegrad_3() -> None:
    store = MemoryStore()
    wizard = PflegeWizard(new_pflege_case(), store, autosave_delay=0)
    fill(wizard, {"care.recipient.name": "Gül", "care.recipient.pflegegrad": 3, "care.recipient.sach_percent": "40"})
    wizard._on_next()
    assert wizard.index == 1
    fill(wizard, {"household.parents[0].name": "Aylin", "care.carer.employer_employees": "120",
                  "care.carer.hours_per_week": "39", "care.carer.hours_during": "20",
                  "care.carer.net_monthly": "2.400", "care.carer.net_monthly_during": "1.500"})
    wizard._on_next()
    assert wizard.index == 2
    html = wizard.step.output.value
    assert "359,40 €" in html and "598,80 €" in html and "7.188,00 €" in html and "Bitte prüfen" in html
    assert "data:application/pdf;base64," in html
    assert store.open(wizard.case_id).data["care"]["recipient"]["sach_percent"] == 40


def test_a_care_case_without_the_yes_no_answers_keeps_the_models_yes_when_clicked_through() -> None:
    """A case from the command line or an import may leave out ``at_home`` and ``employed``: the model
    reads them as yes (§ 37 SGB XI Pflegegeld at home, § 3 PflegeZG for employees). Clicking "Weiter"
    through the wizard must not turn them into no (that would deny the Pflegegeld and the Freistellung)."""
    store = MemoryStore()
    case = new_pflege_case()
    del case["care"]["recipient"]["at_home"], case["care"]["carer"]["employed"]
    wizard = PflegeWizard(case, store, autosave_delay=0)
    assert wizard.step.fields()["care.recipient.at_home"].input.value is True
    fill(wizard, {"care.recipient.name": "Gül", "care.recipient.pflegegrad": 3})
    wizard._on_next()
    assert wizard.step.fields()["care.carer.employed"].input.value is True
    fill(wizard, {"household.parents[0].name": "Aylin"})
    wizard._on_next()
    care = store.open(wizard.case_id).data["care"]
    assert care["recipient"]["at_home"] is True and care["carer"]["employed"] is True


def test_a_vorsorge_case_without_the_documents_keeps_the_models_three_when_clicked_through() -> None:
    """``vorsorge.documents`` left out means all three documents (the model's default). The wizard showed
    three empty boxes, saved ``[]`` and summed up "Noch kein Dokument ausgewählt" (seen in the journey, issue 24)."""
    from workbench.case.pflege import DOCUMENTS

    store = MemoryStore()
    case = new_vorsorge_case()
    case["vorsorge"] = {"agents": 2}
    wizard = VorsorgeWizard(case, store, autosave_delay=0)
    assert wizard.step.fields()["vorsorge.documents"].read() == list(DOCUMENTS)
    fill(wizard, {"vorsorge.person": "Aylin"})  # an entry: the wizard saves (reading alone never writes)
    wizard._on_next()
    wizard._on_next()
    assert store.open(wizard.case_id).data["vorsorge"]["documents"] == list(DOCUMENTS)
    assert "Noch kein Dokument" not in wizard.step.output.value


def test_pflege_wizard_keeps_a_bad_entry_and_says_what_to_fix() -> None:
    wizard = PflegeWizard(new_pflege_case(), MemoryStore(), autosave_delay=0)
    fill(wizard, {"care.recipient.sach_percent": "140"})
    wizard._on_next()
    assert wizard.index == 0
    field = wizard.step.fields()["care.recipient.sach_percent"]
    assert field.input.value == "140" and "0 bis 100" in field.message.text


def test_kita_wizard_shows_the_dates_and_the_fee_status() -> None:
    wizard = KitaWizard(new_kita_case(), MemoryStore(), autosave_delay=0)
    fill(wizard, {"household.parents[0].name": "Mara", "household.children[0].birth_date": date(2025, 3, 14),
                  "kita.start": date(2026, 8, 1), "kita.hours": 35})
    wizard._on_next()
    fill(wizard, {"kita.household_income_y": "52.000"})
    wizard._on_next()
    html = wizard.step.output.value
    assert "14.03.2026" in html and "01.02.2026" in html and "Satzung prüfen" in html


@pytest.mark.parametrize("language", ["de", "en"])
def test_vorsorge_wizard_summary_with_checklist_and_costs(language: str) -> None:
    wizard = VorsorgeWizard(new_vorsorge_case(language), MemoryStore(), autosave_delay=0)
    fill(wizard, {"vorsorge.person": "Helga", "vorsorge.certification": True, "vorsorge.agents": 2})
    wizard.step.fields()["vorsorge.documents"].boxes["betreuungsverfuegung"].value = False
    wizard._on_next()
    points = wizard.step.fields()["vorsorge.done"]
    assert len(points.boxes) == 11
    points.boxes["v_zweck"].value = True
    wizard._on_next()
    html = wizard.step.output.value
    assert ("25,50 €" if language == "de" else "€25.50") in html
    assert ("1 von 11" if language == "de" else "1 of 11") in html


def test_the_case_list_opens_topic_cases_in_their_own_wizard() -> None:
    from workbench.ui.kit.case_list import case_link

    assert case_link("PF-20261125-AB12") == "pflege.ipynb?case=PF-20261125-AB12"
    assert case_link("KI-20261125-AB12") == "kita.ipynb?case=KI-20261125-AB12"
    assert case_link("VO-20261125-AB12") == "vorsorge.ipynb?case=VO-20261125-AB12"
    assert case_link("EG-20261125-AB12") == "elterngeld.ipynb?case=EG-20261125-AB12"
