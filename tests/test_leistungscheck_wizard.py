"""The Leistungscheck wizard without a browser: steps, saved case, cards, handout; an Elterngeld case reopens in it."""

from __future__ import annotations

import base64
import re
from datetime import date
from typing import Any

from tests.memory_store import MemoryStore
from workbench.case import load_case
from workbench.evaluation.leistungscheck import leistungscheck
from workbench.ui.pages.elterngeld.wizard import new_case as new_elterngeld_case
from workbench.ui.pages.leistungscheck.steps import EinkommenWohnenStep, ErgebnisStep, KinderStep
from workbench.ui.pages.leistungscheck.wizard import LeistungscheckWizard, new_case


def fill_single_parent(wizard: LeistungscheckWizard) -> None:
    family = wizard.steps[0]
    family.parents.rows[0].fields["name"].input.value = "Lena"  # type: ignore[attr-defined]
    family.single.input.value = True  # type: ignore[attr-defined]
    wizard._on_next()
    kinder = wizard.steps[1]
    assert isinstance(kinder, KinderStep) and wizard.index == 1
    kinder.children.resize(2)
    first, second = kinder.children.rows
    first.fields["birth_date"].input.value = "14.09.2021"
    first.fields["situation.education"].input.value = "kita"
    second.fields["birth_date"].input.value = "03.11.2017"
    second.fields["situation.education"].input.value = "school"
    second.fields["situation.lunch_monthly"].input.value = "60"
    wizard._on_next()
    income = wizard.steps[2]
    assert isinstance(income, EinkommenWohnenStep) and wizard.index == 2
    row = income.rows[0]
    row.fields["kind"].input.value = "employee"
    row.fields["gross_monthly"].input.value = "1.505"
    row.fields["net_monthly"].input.value = "1.233"
    home = income.home
    home["household.housing.rent_cold"].input.value = "520"
    home["household.housing.utilities_cold"].input.value = "130"
    home["household.housing.heating"].input.value = "90"
    home["household.housing.living_space_sqm"].input.value = "65"
    wizard._on_next()


def test_a_single_parent_with_two_children_gets_cards_for_every_benefit() -> None:
    store = MemoryStore()
    wizard = LeistungscheckWizard(new_case(), store, autosave_delay=0)
    fill_single_parent(wizard)
    assert wizard.index == 3, [s.message.text for s in wizard.steps]
    saved = load_case(store.open(wizard.case_id).data)
    assert saved.household.children[0].situation is not None
    assert saved.household.children[0].situation.maintenance_monthly == 0
    check = leistungscheck(saved)
    result = wizard.steps[3]
    assert isinstance(result, ErgebnisStep)
    for name in ("unterhaltsvorschuss", "kinderzuschlag", "wohngeld", "bildung_teilhabe"):
        assert check.results[name].eligible is True and check.results[name].monthly > 0
        shown = re.search(rf'data-amount="{name}">([^<]+)<', result.cards.value)
        assert shown is not None
        assert shown.group(1) == f"{check.results[name].monthly:.2f}".replace(".", ",") + " €"
    assert 'data-hint="leistungen.hint.kita_free"' in result.hints.value
    assert "bitte prüfen" in result.cards.value
    result.make_pdf.click()
    link = re.search(r'href="data:application/pdf;base64,([^"]+)"', result.download.value)
    assert link is not None and base64.b64decode(link.group(1)).startswith(b"%PDF")


def test_missing_rent_is_shown_at_its_field_and_nothing_typed_is_lost() -> None:
    wizard = LeistungscheckWizard(new_case(), MemoryStore(), autosave_delay=0)
    wizard.steps[0].parents.rows[0].fields["name"].input.value = "Nora"  # type: ignore[attr-defined]  # a case needs a name (walk9 N6)
    wizard._on_next()
    kinder = wizard.steps[1]
    assert isinstance(kinder, KinderStep)
    kinder.children.rows[0].fields["birth_date"].input.value = "01.01.2019"
    wizard._on_next()
    income = wizard.steps[2]
    assert isinstance(income, EinkommenWohnenStep)
    income.home["household.housing.heating"].input.value = "80"
    wizard._on_next()
    assert wizard.index == 2
    assert income.home["household.housing.rent_cold"].message.text
    assert income.home["household.housing.heating"].input.value == "80"


def test_maintenance_is_asked_only_for_a_single_parent() -> None:
    wizard = LeistungscheckWizard(new_case(), MemoryStore(), autosave_delay=0)
    wizard.steps[0].parents.rows[0].fields["name"].input.value = "Nora"  # type: ignore[attr-defined]  # a case needs a name (walk9 N6)
    wizard._on_next()
    kinder = wizard.steps[1]
    assert isinstance(kinder, KinderStep)
    assert kinder.children.rows[0].fields["situation.maintenance_monthly"].widget.layout.display == "none"
    assert not any(p.endswith("maintenance_monthly") for p in kinder.fields())


def test_a_case_of_the_elterngeld_wizard_opens_with_its_family_and_income() -> None:
    store = MemoryStore()
    data: dict[str, Any] = new_elterngeld_case()
    data["household"]["parents"][0].update(name="Eva", income_before_birth={"kind": "employee", "gross_monthly": 2800})
    data["household"]["children"][0].update(birth_date="2026-03-01")
    version = store.save(data, expected_version=None)
    stored = store.open(data["case_id"])
    wizard = LeistungscheckWizard(dict(stored.data), store, version, autosave_delay=0)
    wizard.go(2)
    income = wizard.steps[2]
    assert isinstance(income, EinkommenWohnenStep)
    assert income.rows[0].fields["gross_monthly"].input.value == "2.800"
    assert "Eva" in income.rows[0].heading.value
