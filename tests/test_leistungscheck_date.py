"""Issue 24: the Leistungscheck computes for today (or the advisor's day), says so, adds up the month and
names the months ahead where a birthday changes an amount."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from tests.memory_store import MemoryStore
from workbench.case import load_case
from workbench.evaluation.leistungscheck import check_date, leistungscheck
from workbench.evaluation.leistungscheck_ahead import changes_ahead, monthly_total
from workbench.report.leistungscheck import leistungscheck_sections
from workbench.ui.pages.leistungscheck.steps import EinkommenWohnenStep, ErgebnisStep
from workbench.ui.pages.leistungscheck.wizard import LeistungscheckWizard

EXAMPLE = Path(__file__).resolve().parents[1] / "docs" / "examples" / "leistungscheck-alleinerziehend.json"


def single_mother(children: list[dict[str, Any]], benefits: dict[str, Any] | None = None) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["household"]["children"] = children
    data["household"]["benefits"] = benefits if benefits is not None else {"wealth": 1500.0}
    return data


TURNED_12 = [{"id": "K1", "birth_date": "2014-09-20", "situation": {"education": "school"}}]


def test_the_check_runs_for_today_so_a_child_who_turned_12_in_september_is_12(monkeypatch: pytest.MonkeyPatch) -> None:
    """The issue's family: 1 July made the child 11 (UVG 558 € − 259 € = 299 €); on 7 December 2026 it is
    12 (Mindestunterhalt 3. Altersstufe 653 € − Kindergeld 259 € = 394 €, § 2 UVG, 7. MindestunterhaltsVO)."""
    monkeypatch.setenv("WORKBENCH_TODAY", "2026-12-07")
    case = load_case(single_mother(TURNED_12))
    assert check_date(case) == date(2026, 12, 7)
    check = leistungscheck(case)
    assert check.on == date(2026, 12, 7)
    assert check.results["unterhaltsvorschuss"].monthly == Decimal("394")


def test_the_advisors_day_wins_and_an_old_year_keeps_its_1_july() -> None:
    picked = load_case(single_mother(TURNED_12, {"check_date": "2026-08-31", "year": 2026}))
    assert check_date(picked, date(2026, 12, 7)) == date(2026, 8, 31)
    assert leistungscheck(picked).results["unterhaltsvorschuss"].monthly == Decimal("299")  # still 11 in August
    older = load_case(single_mother(TURNED_12, {"year": 2025}))
    assert check_date(older, date(2026, 12, 7)) == date(2025, 7, 1)


def test_a_day_after_the_entered_values_is_provisional_never_refused() -> None:
    check = leistungscheck(load_case(single_mother(TURNED_12)), date(2029, 3, 1))
    assert check.provisional  # the latest known values, marked (ADR 0019)
    assert check.results["kindergeld"].monthly == Decimal("259")


def test_the_monthly_total_adds_what_the_family_gets_without_the_tax_allowance() -> None:
    """docs/examples: Lena with two children on 7 December 2026: 518 + 357 + 157.92 + 526 + 471 = 2,029.92 €."""
    case = load_case(single_mother(json.loads(EXAMPLE.read_text(encoding="utf-8"))["household"]["children"]))
    check = leistungscheck(case, date(2026, 12, 7))
    paid = {n: r.monthly for n, r in check.results.items() if r.eligible and n != "kinderfreibetrag"}
    assert paid == {"kindergeld": Decimal("518"), "kinderzuschlag": Decimal("357"), "bildung_teilhabe": Decimal("157.92"),
                    "unterhaltsvorschuss": Decimal("526"), "wohngeld": Decimal("471")}
    assert monthly_total(check).granted == Decimal("2029.92")


def test_the_months_ahead_name_the_sixth_birthday() -> None:
    """K1 born 20 March 2021 turns 6 in March 2027: UVG from the 2nd age group from 1 March (§ 1612a Abs. 3 BGB),
    558 € − 259 € = 299 € instead of 486 € − 259 € = 227 €; nothing else changes the UVG before."""
    case = load_case(single_mother([{"id": "K1", "birth_date": "2021-03-20", "situation": {"education": "kita"}}]))
    check = leistungscheck(case, date(2026, 12, 7))
    uvg = [c for c in changes_ahead(case, check) if c.benefit == "unterhaltsvorschuss"]
    assert [(c.starts, c.before, c.after, c.birthdays) for c in uvg] == [
        (date(2027, 3, 1), Decimal("227"), Decimal("299"), (("K1", 6),))]
    sections = leistungscheck_sections(case, "de", check)
    ahead = next(s for s in sections if s.heading == "Was sich in den nächsten Monaten ändert")
    assert "ab 1. März 2027: Unterhaltsvorschuss 299,00 € im Monat (bisher 227,00 €) – K1 wird 6" in ahead.paragraphs
    assert "Berechnet für den 7. Dezember 2026" in sections[0].paragraphs
    english = leistungscheck_sections(case, "en", check)
    assert "Computed for 7 December 2026" in english[0].paragraphs


def test_the_wizard_asks_for_the_day_shows_it_on_every_card_and_replaces_an_old_year(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBENCH_TODAY", "2026-12-07")
    data = single_mother(TURNED_12, {"wealth": 1500.0, "year": 2026})
    data["format"] = "workbench-case/3"
    store = MemoryStore()
    wizard = LeistungscheckWizard(data, store, autosave_delay=0)
    wizard.go(2)
    step = wizard.step
    assert isinstance(step, EinkommenWohnenStep)
    assert "household.benefits.year" not in step.home
    day = step.home["household.benefits.check_date"]
    assert day.input.value == "01.07.2026"  # the older year's day, visible (and kept unless changed)
    wizard._on_next()
    assert wizard.case_id not in store.versions  # nothing changed: nothing written (ADR 0016)
    assert "Berechnet für den 1. Juli 2026" in wizard.step.summary.value  # type: ignore[attr-defined]
    wizard.go(2)
    day.input.value = ""  # empty: today
    wizard._on_next()
    assert wizard.index == 3
    saved = load_case(store.open(wizard.case_id).data)
    assert saved.household.benefits is not None and saved.household.benefits.year is None
    result = wizard.step
    assert isinstance(result, ErgebnisStep)
    assert result.cards.value.count("Berechnet für den 7. Dezember 2026") == 6
    assert "Zusammen im Monat:" in result.summary.value
    assert 'data-amount="unterhaltsvorschuss">394,00 €<' in result.cards.value
    wizard.go(2)
    day.input.value = "31.08.2026"
    wizard._on_next()
    assert 'data-amount="unterhaltsvorschuss">299,00 €<' in result.cards.value
    assert "Berechnet für den 31. August 2026" in result.summary.value
