"""The Teamwissen on the start page (search by words and topic, add, edit, mark outdated) and beside the wizard
steps ("Das Team weiß dazu: …"), driven through the widgets on a real store."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.memory_store import MemoryStore
from workbench.store import CaseStore
from workbench.store.teamwissen import Teamwissen
from workbench.ui.kit.teamwissen_hint import WIZARD_STEPS, WIZARD_TOPICS, wizard_topics
from workbench.ui.kit.wizard import Wizard
from workbench.ui.pages.elterngeld.wizard import ElterngeldWizard
from workbench.ui.pages.elterngeld.wizard import new_case as new_eg_case
from workbench.ui.pages.kita import KitaWizard, new_kita_case
from workbench.ui.pages.lebenslagen import ElternzeitWizard, MutterschutzWizard
from workbench.ui.pages.lebenslagen import new_case as new_lebenslage_case
from workbench.ui.pages.leistungscheck import LeistungscheckWizard
from workbench.ui.pages.leistungscheck import new_case as new_lc_case
from workbench.ui.pages.pflege import PflegeWizard, new_pflege_case
from workbench.ui.pages.start import StartPage
from workbench.ui.pages.vorsorge import VorsorgeWizard, new_vorsorge_case

TWINS = Path(__file__).resolve().parent / "cases" / "familien" / "zwillinge.json"
ENTRY = {"topic": "elterngeld", "step": "ui.eg.step_income", "question": "Zählt Krankengeld im Bemessungszeitraum?",
         "answer": "Monate mit Krankengeld wegen einer schwangerschaftsbedingten Erkrankung werden übersprungen "
                   "(§ 2b Abs. 1 Satz 2 Nr. 3 BEEG).", "source": "§ 2b Abs. 1 BEEG", "researched_on": "2026-11-02",
         "author": "beraterin-1"}


@pytest.fixture(autouse=True)
def _own_burst_note(monkeypatch: pytest.MonkeyPatch) -> None:
    """The wizards' dropdowns note their updates in a module-wide list (kit/activity.py): keep ours apart, so a
    later test on a fake clock does not see them."""
    from workbench.ui.kit import activity

    monkeypatch.setattr(activity, "_LAST", [0.0])


def _wizards(store: Any) -> list[Wizard]:
    return [ElterngeldWizard(new_eg_case(), store), LeistungscheckWizard(new_lc_case(), store),
            MutterschutzWizard(new_lebenslage_case("MUTTERSCHUTZ"), store),
            ElternzeitWizard(new_lebenslage_case("ELTERNZEIT"), store), KitaWizard(new_kita_case(), store),
            PflegeWizard(new_pflege_case(), store), VorsorgeWizard(new_vorsorge_case(), store)]


def test_the_steps_an_entry_can_name_are_the_steps_of_the_wizards() -> None:
    wizards = _wizards(MemoryStore())
    assert {w.title_key for w in wizards} == set(WIZARD_TOPICS)
    for wizard in wizards:
        topic = wizard_topics(wizard.title_key)[0]
        assert WIZARD_STEPS[topic] == tuple(s.title_key for s in wizard.steps), wizard.title_key
    assert wizard_topics("ui.zuzug.title") == ("zuzug",)  # a wizard added later: its own topic by its key


def test_an_entry_added_on_one_start_page_is_found_from_another() -> None:
    first, second = StartPage(store_factory=CaseStore), StartPage(store_factory=CaseStore)
    section = first.teamwissen
    section.new.click()
    form = section.form
    assert form.widget.layout.display is None and form.author.value  # the advisor's login is proposed
    form.question.value, form.answer.value, form.source.value = ENTRY["question"], ENTRY["answer"], ENTRY["source"]
    form.topic.value, form.step.value, form.researched_on.value = "elterngeld", "ui.eg.step_income", "02.11.2026"
    form.save.click()
    assert "Eintrag 1 gespeichert (Version 1)." in section.status.value and form.widget.layout.display == "none"
    other = second.teamwissen
    other.words.value = "krankengeld bemessungszeitraum"
    assert "1 Eintrag gefunden." in other.status.value
    assert "§ 2b Abs. 1 Satz 2 Nr. 3 BEEG" in other.results.children[0].children[0].value
    other.topic.value = "kindergeld"
    assert "Kein Eintrag gefunden." in other.status.value and other.results.children == ()


def test_family_data_is_refused_in_the_form_and_the_entries_stay() -> None:
    page = StartPage(store_factory=CaseStore)
    form = page.teamwissen.form
    form.open_new()
    form.question.value, form.answer.value, form.source.value = "Steuer-ID 57549285017 richtig?", "Ja", "Bescheid"
    form.save.click()
    assert "Frage enthält eine Steuer-ID" in form.message.value and 'role="alert"' in form.message.value
    assert form.widget.layout.display is None and form.question.value == "Steuer-ID 57549285017 richtig?"
    assert Teamwissen(CaseStore()).search(outdated=True) == []


def test_editing_keeps_the_history_and_outdated_entries_are_shown_only_on_request() -> None:
    Teamwissen(CaseStore()).add(**ENTRY)
    page = StartPage(store_factory=CaseStore)
    section = page.teamwissen
    edit, outdated = section.results.children[0].children[1].children
    edit.click()
    section.form.answer.value = ENTRY["answer"] + " Gilt auch für Elterngeld Plus."
    section.form.save.click()
    assert "Eintrag 1 gespeichert (Version 2)." in section.status.value
    card = section.results.children[0].children[0].value
    assert "Gilt auch für Elterngeld Plus." in card and "Frühere Versionen (1)" in card
    section.results.children[0].children[1].children[1].click()  # "Als veraltet markieren"
    section.form.reason.value = "BEEG-Änderung 2027"
    section.form.save.click()
    assert "als veraltet markiert" in section.status.value
    section.outdated.value = False
    assert "Kein Eintrag gefunden." in section.status.value
    section.outdated.value = True
    assert "VERALTET: BEEG-Änderung 2027" in section.results.children[0].children[0].value
    assert [e.version for e in Teamwissen(CaseStore()).history(1)] == [3, 2, 1]


def test_the_wizard_shows_what_the_team_knows_beside_the_matching_step_only() -> None:
    store = CaseStore()
    wizard = ElterngeldWizard(json.loads(TWINS.read_text(encoding="utf-8")), store)
    assert wizard.team_hint.widget.layout.display == "none"
    Teamwissen(store).add(**ENTRY)  # saved meanwhile, e.g. from the start page in another tab
    Teamwissen(store).add(**{**ENTRY, "topic": "kindergeld", "step": "", "question": "Kindergeld rückwirkend?"})
    wizard.go(2)
    hint = wizard.team_hint.widget
    assert hint.layout.display is None and "Das Team weiß dazu:" in hint.value
    assert "Zählt Krankengeld im Bemessungszeitraum?" in hint.value and "Kindergeld rückwirkend?" not in hint.value
    wizard.go(4)
    assert hint.layout.display == "none"
    check = LeistungscheckWizard(new_lc_case(), store)  # the Leistungscheck shows its benefits' entries
    assert "Kindergeld rückwirkend?" in check.team_hint.widget.value


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_start_page_section_speaks_the_page_language(language: str) -> None:
    page = StartPage(store_factory=CaseStore)
    page.set_language(language)
    section = page.teamwissen
    expected = {"de": ("Teamwissen", "Suche im Teamwissen", "Neuen Eintrag anlegen"),
                "en": ("Team knowledge", "Search the team knowledge", "Add an entry")}[language]
    assert expected[0] in section.heading.value and section.words.description == expected[1]
    assert section.new.description == expected[2]


def test_a_page_on_a_store_without_teamwissen_hides_the_section() -> None:
    class Cases:  # a test's stand-in that only lists cases
        def list(self, search: str = "", limit: int = 50, offset: int = 0) -> list[Any]:
            return []

    page = StartPage(store_factory=Cases)
    assert page.teamwissen.widget.layout.display == "none"
