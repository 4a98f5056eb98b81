"""The Elterngeld wizard asks, per older child and parent, in which Lebensmonate Elterngeld was received for it
(``receives.elterngeld``): those calendar months are skipped in the assessment period of the new child
(§ 2b Abs. 1 Satz 2 Nr. 1 BEEG), unless the parent applies to keep them (§ 2b Abs. 1 Satz 3 BEEG)."""

from __future__ import annotations

from typing import Any

from tests.memory_store import MemoryStore
from workbench.case import load_case
from workbench.evaluation.elterngeld.aufnahme import elterngeld_vorher
from workbench.ui.kit.familie import LebensmonateField
from workbench.ui.kit.fields import FieldError
from workbench.ui.pages.elterngeld.wizard import ElterngeldWizard, new_case


def _kind_step_of(names: tuple[str, ...]) -> tuple[ElterngeldWizard, Any, MemoryStore]:
    store = MemoryStore()
    wizard = ElterngeldWizard(new_case(), store, autosave_delay=0)
    family = wizard.steps[0]
    family.parents.resize(len(names))  # type: ignore[attr-defined]
    for row, name in zip(family.parents.rows, names):  # type: ignore[attr-defined]
        row.fields["name"].input.value = name
    wizard._on_next()
    kind = wizard.steps[1]
    kind.birth.input.value = "01.09.2026"  # type: ignore[attr-defined]
    kind.siblings.resize(1)  # type: ignore[attr-defined]
    kind.siblings.rows[0].fields["birth_date"].input.value = "15.01.2025"  # type: ignore[attr-defined]
    return wizard, kind, store


def test_the_months_in_plain_words_become_the_month_letters_and_back() -> None:
    field = LebensmonateField("ui.eg.sibling_elterngeld", "de")
    field.input.value = "1–10, 13-14"
    assert field.read() == "BBBBBBBBBB--BB"
    field.write("BBBBBBBBBBBB")
    assert field.input.value == "1–12"
    field.write(None)
    assert field.read() is None
    for wrong in ("0-3", "12-3", "ein Jahr", "1-40"):
        field.input.value = wrong
        try:
            field.read()
        except FieldError as error:
            assert error.key == "ui.error.lebensmonate"
        else:
            raise AssertionError(wrong)


def test_annas_twelve_months_for_ben_are_asked_per_parent_saved_and_skipped() -> None:
    wizard, kind, store = _kind_step_of(("Anna", "Tom"))
    row = kind.siblings.rows[0]
    assert [row.fields[f"elterngeld_{p}"].input.description for p in "AB"] == [
        "Elterngeld für dieses Kind bezogen – Anna: Lebensmonate (z. B. 1–12; leer: keins)",
        "Elterngeld für dieses Kind bezogen – Tom: Lebensmonate (z. B. 1–12; leer: keins)"]
    row.fields["elterngeld_A"].input.value = "1-12"
    wizard._on_next()
    assert wizard.index == 2
    data = store.open(wizard.case_id).data
    ben = data["household"]["children"][1]
    assert ben["receives"] == {"elterngeld": {"A": "BBBBBBBBBBBB"}}  # nothing for Tom: no empty entry
    case = load_case(data)
    # Lebensmonate 1–12 of Ben: 15 Jan 2025 – 14 Jan 2026 (§ 2b Abs. 1 Satz 2 Nr. 1 BEEG)
    assert elterngeld_vorher(case, case.parent("A")) == frozenset([(2025, m) for m in range(1, 13)] + [(2026, 1)])
    reopened = ElterngeldWizard(data, store, store.open(wizard.case_id).version, autosave_delay=0)
    again: Any = reopened.steps[1]
    again.widget  # builds
    again.load(data)
    assert again.siblings.rows[0].fields["elterngeld_A"].input.value == "1–12"


def test_a_single_parent_is_asked_once() -> None:
    _, kind, _ = _kind_step_of(("Anna",))
    row = kind.siblings.rows[0]
    assert row.fields["elterngeld_B"].widget.layout.display == "none"
    assert not any(path.endswith("elterngeld.B") for path in kind.fields())


def test_the_income_step_names_the_assessment_period_and_offers_the_application() -> None:
    wizard, kind, _ = _kind_step_of(("Anna",))
    kind.siblings.rows[0].fields["elterngeld_A"].input.value = "1-12"
    wizard._on_next()
    anna = wizard.steps[2].forms[0]  # type: ignore[attr-defined]
    anna.income["kind"].write("employee")
    wizard.steps[2].shown(wizard.data)
    # Ben's Lebensmonate 1–12 (15 Jan 2025 – 14 Jan 2026) are skipped: 08/2024–12/2024 and 02/2026–08/2026
    assert "Bemessungszeitraum: 08/2024–12/2024, 02/2026–08/2026" in anna.period.value
    assert anna.parent["include_skipped_months"].widget.layout.display is None
    anna.parent["include_skipped_months"].write(True)  # § 2b Abs. 1 Satz 3 BEEG: she applies to keep them
    assert "Bemessungszeitraum: 09/2025–08/2026" in anna.period.value


def test_without_skipped_months_the_application_is_not_offered() -> None:
    wizard, _, _ = _kind_step_of(("Anna",))
    wizard._on_next()
    anna = wizard.steps[2].forms[0]  # type: ignore[attr-defined]
    anna.income["kind"].write("employee")
    assert "Bemessungszeitraum: 09/2025–08/2026 – den durchschnittlichen Bruttolohn" in anna.period.value
    assert anna.parent["include_skipped_months"].widget.layout.display == "none"
