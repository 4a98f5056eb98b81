"""Each money field's placeholder fits the field (issue 24): a month's lunch is not "z. B. 3.000,50"."""

from __future__ import annotations

from tests.memory_store import MemoryStore
from workbench.ui.kit.fields import MoneyField
from workbench.ui.pages.leistungscheck.steps import KinderStep
from workbench.ui.pages.leistungscheck.wizard import LeistungscheckWizard, new_case


def test_the_kita_lunch_and_the_maintenance_suggest_monthly_amounts_of_their_size() -> None:
    wizard = LeistungscheckWizard(new_case(), MemoryStore(), autosave_delay=0)
    wizard.steps[0].parents.rows[0].fields["name"].input.value = "Nora"  # type: ignore[attr-defined]  # a case needs a name
    wizard._on_next()
    kinder = wizard.steps[1]
    assert isinstance(kinder, KinderStep)
    row = kinder.children.rows[0].fields
    assert row["situation.lunch_monthly"].input.placeholder == "z. B. 70"
    assert row["situation.maintenance_monthly"].input.placeholder == "z. B. 300"


def test_the_example_follows_the_language_and_a_field_without_one_stays_empty() -> None:
    assert MoneyField("ui.kita.income", "de", optional=True, example=45000).input.placeholder == "z. B. 45.000"
    assert MoneyField("ui.kita.income", "en", optional=True, example=45000).input.placeholder == "e.g. 45,000"
    assert MoneyField("ui.lc.wealth", "de", optional=True).input.placeholder == ""
