"""An edition not meant for the child's birth date is filled with a visible warning (screen and CLI)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.forms.conftest import FAMILY, TODAY
from workbench.case import Case
from workbench.cli.app import main
from workbench.forms.produce import produce


def _born(family: Case, day: str) -> Case:
    data = family.model_dump(mode="json", exclude_none=True)
    data["household"]["children"][1]["birth_date"] = day
    return Case.model_validate(data)


def test_the_federal_blank_of_04_2024_warns_for_a_birth_after_march_2025(family: Case) -> None:
    # family K1 born 10.03.2026: the blank asks about the 200,000 € limit of births up to 31.03.2025
    result = produce(family, "elterngeld-bund", today=TODAY)
    assert result.warnings == [
        "Achtung: Dieser Vordruck „Antrag auf Elterngeld (bundeseinheitlich, Geburten ab 01.04.2024)“ "
        "(Antragsversion 04/2024) ist für Geburten vom 01.04.2024 bis zum 31.03.2025; das Kind ist am "
        "10.03.2026 geboren. Er ist trotzdem ausgefüllt – bitte die Ausgabe für dieses Geburtsdatum verwenden "
        "(https://www.familienportal.de/familienportal/meta/egr/antraege) oder die abweichenden Fragen von Hand klären."]
    assert result.pdf.startswith(b"%PDF")


@pytest.mark.parametrize(("born", "form_id", "warned"), [
    ("2025-03-31", "elterngeld-bund", False),   # last day of the edition
    ("2025-04-01", "elterngeld-bund", True),
    ("2024-03-31", "elterngeld-bund", True),    # before the edition
    ("2025-05-01", "elterngeld-nrw", False),    # printed "ab 01.05.2025"
    ("2025-04-30", "elterngeld-nrw", True),
])
def test_the_edition_covers_its_birth_dates_to_the_day(family: Case, born: str, form_id: str, warned: bool) -> None:
    on = date.fromisoformat(born) + timedelta(days=30)  # soon after the birth: the application still pays
    result = produce(_born(family, born), form_id, today=on, allow_missing=True)
    assert bool(result.warnings) is warned


def test_forms_without_birth_dates_never_warn(family: Case) -> None:
    assert produce(family, "kg1", today=TODAY, allow_missing=True).warnings == []


def test_the_cli_prints_the_warning_in_english(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["fill", "elterngeld-bund", str(FAMILY), "-o", str(tmp_path / "eg.pdf"), "--date", "2026-04-20",
                 "--language", "en"])
    assert code == 0
    assert "Attention: this blank “Elterngeld application (federal form, births from 1 Apr 2024)”" in capsys.readouterr().out
