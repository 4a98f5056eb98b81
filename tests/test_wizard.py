"""The wizard framework without a browser: messages at fields, versions, drafts, refused saves."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tests.memory_store import MemoryStore
from workbench.ui.pages.elterngeld.wizard import ElterngeldWizard, new_case
from workbench.case import get_path, parse_path, set_path


def _family(wizard: ElterngeldWizard, *names: str) -> None:
    step = wizard.steps[0]
    step.parents.resize(len(names))  # type: ignore[attr-defined]
    for row, name in zip(step.parents.rows, names):  # type: ignore[attr-defined]
        row.fields["name"].input.value = name


def test_paths_read_and_write_nested_case_values() -> None:
    data: dict[str, object] = {}
    set_path(data, "household.parents[1].income_before_birth.kind", "none")
    assert parse_path("household.parents[1].name") == ["household", "parents", 1, "name"]
    assert get_path(data, "household.parents[1].income_before_birth.kind") == "none"
    assert get_path(data, "household.children[0].id") is None


def test_weiter_saves_a_version_and_an_empty_birth_date_is_shown_at_its_field() -> None:
    store = MemoryStore()
    wizard = ElterngeldWizard(new_case(), store, autosave_delay=0)
    _family(wizard, "Eva")
    wizard._on_next()
    assert wizard.index == 1 and wizard.saver.version is not None
    wizard._on_next()
    kind = wizard.steps[1]
    assert wizard.index == 1
    assert "Geburtsdatum" in kind.birth.message.text  # type: ignore[attr-defined]
    assert 'role="alert"' in kind.birth.message.widget.value  # type: ignore[attr-defined]


def test_a_birth_outside_the_modelled_period_is_refused_at_the_date_field() -> None:
    wizard = ElterngeldWizard(new_case(), MemoryStore(), autosave_delay=0)
    _family(wizard, "Eva")
    wizard._on_next()
    wizard.steps[1].birth.input.value = "01.05.2019"  # type: ignore[attr-defined]
    wizard._on_next()
    assert wizard.index == 1
    assert "2019" in wizard.steps[1].birth.message.text  # type: ignore[attr-defined]


def test_back_keeps_every_entry() -> None:
    wizard = ElterngeldWizard(new_case(), MemoryStore(), autosave_delay=0)
    _family(wizard, "Eva", "Jonas")
    wizard._on_next()
    wizard._on_back()
    assert [r.fields["name"].input.value for r in wizard.steps[0].parents.rows] == ["Eva", "Jonas"]  # type: ignore[attr-defined]


def test_every_change_is_saved_as_a_draft_and_reopens() -> None:
    store = MemoryStore()
    wizard = ElterngeldWizard(new_case(), store, autosave_delay=0)
    _family(wizard, "Eva")
    saved = store.open(wizard.case_id)
    assert saved.data["household"]["parents"][0]["name"] == "Eva"
    reopened = ElterngeldWizard(saved.data, store, saved.version, autosave_delay=0)
    assert reopened.steps[0].parents.rows[0].fields["name"].input.value == "Eva"  # type: ignore[attr-defined]


def test_a_save_from_a_stale_tab_is_refused_with_reload_and_nothing_is_overwritten() -> None:
    store = MemoryStore()
    first = ElterngeldWizard(new_case(), store, autosave_delay=0)
    _family(first, "Eva")
    stored = store.open(first.case_id)
    second = ElterngeldWizard(stored.data, store, stored.version, autosave_delay=0)
    _family(second, "Eva Maria")  # the other tab saves first
    _family(first, "Eve")
    assert first.conflict.layout.display is None and "gespeichert" in first.conflict_text.value
    assert store.open(first.case_id).data["household"]["parents"][0]["name"] == "Eva Maria"
    first._on_reload()
    assert first.steps[0].parents.rows[0].fields["name"].input.value == "Eva Maria"  # type: ignore[attr-defined]
    assert first.conflict.layout.display == "none"


def test_a_full_disk_is_no_conflict_the_entries_stay_and_the_next_save_stores_them() -> None:
    """A store that cannot take the save (full disk, read-only, missing key) is not a conflict:
    no "als Kopie aufbewahrt", no "Neu laden" that would drop the entries; saving resumes."""
    from workbench.errors import StoreUnavailable

    store = MemoryStore()
    wizard = ElterngeldWizard(new_case(), store, autosave_delay=0)
    _family(wizard, "Eva")
    working_save = store.save

    def full(*_args: object, **_kwargs: object) -> int:
        raise StoreUnavailable("store.disk_full", path="/daten/cases.sqlite", folder="/daten")

    store.save = full  # type: ignore[method-assign]
    _family(wizard, "Eve")
    assert "ist voll" in wizard.status.value and 'role="alert"' in wizard.status.value
    assert "bleiben auf dieser Seite erhalten" in wizard.status.value
    assert "Kopie" not in wizard.status.value and wizard.conflict.layout.display == "none"
    assert not wizard.saver.refused
    assert wizard.steps[0].parents.rows[0].fields["name"].input.value == "Eve"  # type: ignore[attr-defined]
    store.save = working_save  # type: ignore[method-assign]
    _family(wizard, "Eva Maria")
    assert "Gespeichert" in wizard.status.value and "Version 2" in wizard.status.value
    assert store.open(wizard.case_id).data["household"]["parents"][0]["name"] == "Eva Maria"


def test_an_unexpected_error_shows_a_reference_number_and_keeps_the_entries() -> None:
    wizard = ElterngeldWizard(new_case(), MemoryStore(), autosave_delay=0)
    _family(wizard, "Eva")

    def broken(_data: object) -> None:
        raise RuntimeError("Eva")

    wizard.steps[1].shown = broken  # type: ignore[method-assign]
    wizard.next.click()
    assert wizard.error.text.startswith("Fehler W-")
    assert wizard.steps[0].parents.rows[0].fields["name"].input.value == "Eva"  # type: ignore[attr-defined]


def test_weiter_waits_only_after_a_field_that_sends_in_bursts_and_a_double_click_moves_one_step(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A text field sends once, on blur, before the click: "Weiter" moves at once (issue 23). After a
    dropdown the arrow keys step through (several updates, the next held back until the kernel answered,
    ADR 0014) a click runs on the kernel's loop once the field was quiet for ``SETTLE_S``; a second click
    meanwhile is ignored; a click after a pause moves at once."""
    import IPython

    from workbench.ui.kit import activity, preheat

    activity.note_burst()  # a dropdown of an earlier page in this process, on the real clock: a new wizard forgets it
    clock = [1000.0]
    monkeypatch.setattr(preheat.time, "monotonic", lambda: clock[0])  # the fields note updates on the same clock
    later: list[tuple[float, Any]] = []
    loop = type("Loop", (), {"call_later": lambda self, delay, action: later.append((delay, action)),
                             "add_callback": lambda self, action: None})()  # building ahead is not tested here
    kernel = type("Kernel", (), {"io_loop": loop})()
    monkeypatch.setattr(IPython, "get_ipython", lambda: type("Shell", (), {"kernel": kernel})())
    wizard = ElterngeldWizard(new_case(), MemoryStore(), autosave_delay=0)
    _family(wizard, "Eva")  # a text field, sent on blur
    wizard.next.click()
    assert wizard.index == 1 and later == []
    child = wizard.steps[1]
    child.birth.input.value = "15.06.2026"  # type: ignore[attr-defined]
    child.weeks_early.input.value = 1  # type: ignore[attr-defined]
    wizard.next.click()
    wizard.next.click()  # double click
    assert wizard.index == 1 and len(later) == 1 and later[0][0] == pytest.approx(preheat.SETTLE_S)
    clock[0] += preheat.SETTLE_S - 0.01  # the held-back update comes 10 ms before the loop runs the click
    child.weeks_early.input.value = 2  # type: ignore[attr-defined]
    clock[0] += 0.01
    later.pop()[1]()
    assert wizard.index == 1 and len(later) == 1  # quiet only since the update: wait again
    clock[0] += preheat.SETTLE_S
    later.pop()[1]()
    assert wizard.index == 2
    assert wizard.data["household"]["children"][0]["weeks_early"] == 2
    clock[0] += 5  # the advisor reads the next step, then clicks: no waiting
    wizard.back.click()
    assert wizard.index == 1 and later == []


def test_a_changed_field_loses_the_message_about_its_old_value() -> None:
    wizard = ElterngeldWizard(new_case(), MemoryStore(), autosave_delay=0)
    _family(wizard, "Eva")
    wizard._on_next()
    birth = wizard.steps[1].birth  # type: ignore[attr-defined]
    birth.input.value = "01.05.2019"
    wizard._on_next()
    assert "2019" in birth.message.text
    birth.input.value = "01.05.2026"
    assert birth.message.text == ""
